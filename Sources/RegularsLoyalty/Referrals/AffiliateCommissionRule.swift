/// An affiliate's commission: `rate` of the net value of referred customers' orders placed in the `months` calendar
/// months after each customer was referred (store time zone).
public struct AffiliateCommissionRule: Hashable, Sendable, Codable {
    public var rate: Percentage
    public var months: Int
    public var timeZone: LoyaltyTimeZone

    public init(rate: Percentage, months: Int, timeZone: LoyaltyTimeZone = .utc) {
        self.rate = rate
        self.months = months
        self.timeZone = timeZone
    }
}
