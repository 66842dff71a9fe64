import RegularsCore

/// An order's amounts in the shop's base currency, when the payload carries them (Shopify's
/// `*_set.shop_money`), so revenue can be summed across presentment currencies without conversion rates.
public struct IngestBaseAmounts: Sendable, Equatable, Hashable, Codable {
    public var currency: CurrencyCode
    public var subtotalMinor: Int64
    public var discountMinor: Int64
    public var shippingMinor: Int64
    public var taxMinor: Int64
    public var totalMinor: Int64

    public init(
        currency: CurrencyCode, subtotalMinor: Int64, discountMinor: Int64, shippingMinor: Int64, taxMinor: Int64,
        totalMinor: Int64
    ) {
        self.currency = currency
        self.subtotalMinor = subtotalMinor
        self.discountMinor = discountMinor
        self.shippingMinor = shippingMinor
        self.taxMinor = taxMinor
        self.totalMinor = totalMinor
    }
}
