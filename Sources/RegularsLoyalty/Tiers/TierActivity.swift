import Foundation

/// One change of a customer's qualifying value: an order (+ its net value), a refund (−), points earned (+),
/// points taken back (−).
public struct TierActivity: Hashable, Sendable, Codable {
    public var at: Date
    /// Minor units of spend, or points, per the programme's metric; negative for refunds and reversals.
    public var amount: Int64

    public init(at: Date, amount: Int64) {
        self.at = at
        self.amount = amount
    }
}
