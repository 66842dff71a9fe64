/// A refund of part or all of an order, in the order's currency and the base currency.
struct RefundInput: Sendable {
    var orderID: Int64
    var source: String
    var externalID: String
    var createdAt: Instant
    var currency: String
    var amountMinor: Int64
    var baseAmountMinor: Int64
    var reason: String?
    /// Refunded quantities per order line, by the line's position in the order.
    var lines: [Line]

    struct Line: Sendable {
        var position: Int
        var quantity: Int
        var amountMinor: Int64
    }
}
