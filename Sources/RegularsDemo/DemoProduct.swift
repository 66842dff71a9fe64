/// A catalog product with one to three purchasable variants.
public struct DemoProduct: Sendable, Equatable {
    /// Stable identifier, e.g. "demo-p-0001".
    public var externalID: String
    public var title: String
    /// URL handle derived from the title, e.g. "organic-jasmine-green-tea".
    public var handle: String
    public var category: String
    public var variants: [DemoVariant]

    public init(externalID: String, title: String, handle: String, category: String, variants: [DemoVariant]) {
        self.externalID = externalID
        self.title = title
        self.handle = handle
        self.category = category
        self.variants = variants
    }
}
