/// At most `maximum` accepted referrals per advocate per period.
public struct ReferralCap: Hashable, Sendable, Codable {
    public var maximum: Int
    public var period: ReferralCapPeriod
    /// What happens beyond the cap.
    public var verdict: ReferralVerdict

    public init(maximum: Int, period: ReferralCapPeriod, verdict: ReferralVerdict = .holdForReview) {
        self.maximum = maximum
        self.period = period
        self.verdict = verdict
    }
}
