/// Template for one catalog category: how titles are composed, the price band, variant option sets and the
/// search queries shoppers type when looking for it.
struct DemoCategorySpec: Sendable {
    var name: String
    var skuCode: String
    /// Relative popularity among categories.
    var weight: Double
    /// Base price band in whole dollars.
    var minimumPrice: Int
    var maximumPrice: Int
    var modifiers: [String]
    var nouns: [String]
    var optionSets: [[DemoVariantOption]]
    var queries: [String]
}
