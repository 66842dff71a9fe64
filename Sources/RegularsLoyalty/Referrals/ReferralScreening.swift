/// The outcome of screening a referral.
public enum ReferralScreening: Hashable, Sendable {
    /// Reward both sides.
    case allow
    /// A person decides; nothing is rewarded until then.
    case holdForReview([ReferralReason])
    /// No reward.
    case reject([ReferralReason])

    /// The reasons, empty when allowed.
    public var reasons: [ReferralReason] {
        switch self {
        case .allow: []
        case .holdForReview(let reasons), .reject(let reasons): reasons
        }
    }
}
