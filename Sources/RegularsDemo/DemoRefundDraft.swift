/// A refund planned when its order was simulated.
struct DemoRefundDraft: Sendable {
    var createdAt: Int64
    var amountMinor: Int64
    var lines: [DemoRefundLine]
    var reason: String
    var isFull: Bool
}
