/// Order money in minor units, computed with integer arithmetic only.
struct DemoOrderAmounts: Sendable {
    static let taxPercent: Int64 = 8
    static let domesticShipping: Int64 = 695
    static let domesticFreeShippingThreshold: Int64 = 7_500
    static let internationalShipping: Int64 = 1_495
    static let internationalFreeShippingThreshold: Int64 = 15_000

    var subtotal: Int64
    var discount: Int64
    var shipping: Int64
    var tax: Int64
    var total: Int64

    /// Allocates a percentage discount to each line (rounded down per line), then adds shipping (free above the
    /// threshold, judged after discounts) and tax on the discounted merchandise (rounded half up).
    init(lines: inout [DemoOrderLine], discountPercent: Int64, domestic: Bool) {
        var subtotal: Int64 = 0
        var discount: Int64 = 0
        var index = 0
        while index < lines.count {
            let gross = lines[index].unitPriceMinor * Int64(lines[index].quantity)
            let lineDiscount = gross * discountPercent / 100
            lines[index].discountMinor = lineDiscount
            subtotal += gross
            discount += lineDiscount
            index += 1
        }
        let merchandise = subtotal - discount
        let shipping: Int64
        if domestic {
            shipping = merchandise >= Self.domesticFreeShippingThreshold ? 0 : Self.domesticShipping
        } else {
            shipping = merchandise >= Self.internationalFreeShippingThreshold ? 0 : Self.internationalShipping
        }
        self.subtotal = subtotal
        self.discount = discount
        self.shipping = shipping
        self.tax = Self.tax(on: merchandise)
        self.total = merchandise + shipping + tax
    }

    static func tax(on merchandise: Int64) -> Int64 {
        (merchandise * taxPercent + 50) / 100
    }
}
