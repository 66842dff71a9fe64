/// An order before it has a number: times are Unix seconds and indices refer to the draft arrays.
struct DemoOrderDraft: Sendable {
    var customerIndex: Int
    var placedAt: Int64
    var isFirst: Bool
    var lines: [DemoOrderLine]
    var amounts: DemoOrderAmounts
    var discountCode: String?
    var refund: DemoRefundDraft?
    var isFulfilled: Bool
}
