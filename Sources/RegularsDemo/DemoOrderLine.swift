/// One line of a ``DemoOrder``; `variantIndex` indexes the product's `variants`.
public struct DemoOrderLine: Sendable, Equatable {
    public var productIndex: Int
    public var variantIndex: Int
    /// 1 to 3.
    public var quantity: Int
    public var unitPriceMinor: Int64
    /// Discount allocated to this line (whole line, not per unit).
    public var discountMinor: Int64

    public init(productIndex: Int, variantIndex: Int, quantity: Int, unitPriceMinor: Int64, discountMinor: Int64) {
        self.productIndex = productIndex
        self.variantIndex = variantIndex
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
        self.discountMinor = discountMinor
    }
}
