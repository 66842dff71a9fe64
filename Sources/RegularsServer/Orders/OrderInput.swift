/// An order as a source reports it, already validated and converted to minor units; what `OrderWriter` stores.
struct OrderInput: Sendable {
    var source: String
    var externalID: String
    var number: String?
    var customerID: Int64?
    var email: String?
    var placedAt: Instant
    var currency: String
    var subtotalMinor: Int64
    var discountMinor: Int64
    var shippingMinor: Int64
    var taxMinor: Int64
    var totalMinor: Int64
    /// The same amounts in the store's base currency (equal to the above when the order is in the base currency).
    var base: BaseAmounts
    var financialStatus: String
    var fulfillmentStatus: String
    var cancelledAt: Instant?
    var discountCodes: [String]
    var landingSite: String?
    var referringSite: String?
    /// The source's own modification time: a delivery older than what is stored never overwrites it.
    var sourceUpdatedAt: Instant
    var lines: [Line]

    struct BaseAmounts: Sendable {
        var currency: String
        var subtotalMinor: Int64
        var discountMinor: Int64
        var shippingMinor: Int64
        var taxMinor: Int64
        var totalMinor: Int64
    }

    struct Line: Sendable {
        var productID: Int64?
        var variantID: Int64?
        var externalID: String?
        var sku: String?
        var title: String
        var quantity: Int
        var unitPriceMinor: Int64
        var discountMinor: Int64

        var totalMinor: Int64 { unitPriceMinor * Int64(quantity) - discountMinor }
    }
}
