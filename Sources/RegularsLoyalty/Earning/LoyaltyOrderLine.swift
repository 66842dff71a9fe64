/// One line of an order as the earning rules see it. Amounts are minor units of the order's currency.
public struct LoyaltyOrderLine: Hashable, Sendable, Codable {
    public var productID: String?
    /// The product's categories (collections, types); promotions match any of them.
    public var categories: Set<String>
    public var quantity: Int64
    public var unitPrice: Int64
    /// Discount on this line, in minor units.
    public var discount: Int64

    public init(
        productID: String? = nil, categories: Set<String> = [], quantity: Int64, unitPrice: Int64, discount: Int64 = 0
    ) {
        self.productID = productID
        self.categories = categories
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
    }

    /// Quantity × unit price.
    public var subtotal: Int64 { quantity * unitPrice }
}
