/// A past order for a dry run: the order, what was refunded of it and whether it was cancelled.
public struct HistoricalOrder: Hashable, Sendable, Codable {
    public var customerID: String
    public var order: LoyaltyOrder
    /// Refunded in total, minor units of the order's currency.
    public var refunded: Int64
    public var isCancelled: Bool

    public init(customerID: String, order: LoyaltyOrder, refunded: Int64 = 0, isCancelled: Bool = false) {
        self.customerID = customerID
        self.order = order
        self.refunded = refunded
        self.isCancelled = isCancelled
    }
}
