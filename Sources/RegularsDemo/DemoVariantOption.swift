/// A variant option of a catalog category and its price relative to the product's base price, in percent.
struct DemoVariantOption: Sendable {
    var title: String
    var pricePercent: Int64
}
