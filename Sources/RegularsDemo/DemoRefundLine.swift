/// A refunded quantity of the order line `lines[lineIndex]`; `amountMinor` excludes tax.
public struct DemoRefundLine: Sendable, Equatable {
    public var lineIndex: Int
    public var quantity: Int
    public var amountMinor: Int64

    public init(lineIndex: Int, quantity: Int, amountMinor: Int64) {
        self.lineIndex = lineIndex
        self.quantity = quantity
        self.amountMinor = amountMinor
    }
}
