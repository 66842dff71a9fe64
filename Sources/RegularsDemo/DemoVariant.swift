/// A purchasable variant of a ``DemoProduct``.
public struct DemoVariant: Sendable, Equatable {
    /// Stable identifier, e.g. "demo-v-00001".
    public var externalID: String
    public var sku: String
    /// Variant title such as "100 g" or "Default Title" for single-variant products.
    public var title: String
    /// Unit price in minor units of the store currency.
    public var priceMinor: Int64

    public init(externalID: String, sku: String, title: String, priceMinor: Int64) {
        self.externalID = externalID
        self.sku = sku
        self.title = title
        self.priceMinor = priceMinor
    }
}
