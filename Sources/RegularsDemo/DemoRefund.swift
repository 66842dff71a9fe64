import Foundation

/// A refund against `orders[orderIndex]`; `amountMinor` never exceeds the order total.
public struct DemoRefund: Sendable, Equatable {
    /// Stable identifier, e.g. "demo-r-00001", numbered in `createdAt` order.
    public var externalID: String
    public var orderIndex: Int
    public var createdAt: Date
    /// Total refunded: the lines' amounts plus their share of tax (and shipping for full refunds).
    public var amountMinor: Int64
    public var lines: [DemoRefundLine]
    /// "customer_request", "damaged", "not_as_described", "wrong_item" or "late_delivery".
    public var reason: String

    public init(
        externalID: String, orderIndex: Int, createdAt: Date, amountMinor: Int64, lines: [DemoRefundLine],
        reason: String
    ) {
        self.externalID = externalID
        self.orderIndex = orderIndex
        self.createdAt = createdAt
        self.amountMinor = amountMinor
        self.lines = lines
        self.reason = reason
    }
}
