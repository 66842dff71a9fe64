/// One refunded line: which order line (by the source's line id or, failing that, its position), how many, how much.
public struct IngestRefundLine: Sendable, Equatable, Hashable, Codable {
    public var lineExternalID: String?
    /// 0-based position of the line in the order when the source has no line ids (Segment `products[]`).
    public var position: Int?
    public var productExternalID: String?
    public var sku: String?
    public var quantity: Int64
    /// Refunded amount of this line including its tax, in the refund's currency.
    public var amountMinor: Int64

    public init(
        lineExternalID: String? = nil, position: Int? = nil, productExternalID: String? = nil, sku: String? = nil,
        quantity: Int64, amountMinor: Int64
    ) {
        self.lineExternalID = lineExternalID
        self.position = position
        self.productExternalID = productExternalID
        self.sku = sku
        self.quantity = quantity
        self.amountMinor = amountMinor
    }
}
