/// One line of an order. Amounts are minor units of the order's currency.
public struct IngestOrderLine: Sendable, Equatable, Hashable, Codable {
    /// The source's id of the line (refunds refer to it), when it has one.
    public var externalID: String?
    public var productExternalID: String?
    public var variantExternalID: String?
    public var sku: String?
    public var title: String
    public var quantity: Int64
    /// Price of one unit before discounts. When the source only gives a line subtotal that does not divide
    /// evenly by the quantity, this is that subtotal divided and rounded half up; ``subtotalMinor`` stays exact.
    public var unitPriceMinor: Int64
    /// Line amount before discounts, normally `unitPriceMinor × quantity`.
    public var subtotalMinor: Int64
    /// Discounts allocated to this line (informational: the order's ``IngestOrder/discountMinor`` is authoritative).
    public var discountMinor: Int64

    public init(
        externalID: String? = nil, productExternalID: String? = nil, variantExternalID: String? = nil,
        sku: String? = nil, title: String, quantity: Int64, unitPriceMinor: Int64, subtotalMinor: Int64? = nil,
        discountMinor: Int64 = 0
    ) {
        self.externalID = externalID
        self.productExternalID = productExternalID
        self.variantExternalID = variantExternalID
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
        self.subtotalMinor = subtotalMinor ?? unitPriceMinor * quantity
        self.discountMinor = discountMinor
    }

    /// Line amount after its discounts.
    public var totalMinor: Int64 { subtotalMinor - discountMinor }
}
