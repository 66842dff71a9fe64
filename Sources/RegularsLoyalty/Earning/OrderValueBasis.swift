/// Which parts of an order earn points. Lines always count; discounts, shipping and tax are merchant choices.
public struct OrderValueBasis: Hashable, Sendable, Codable {
    /// Whether line and order discounts reduce the value that earns points (true: points on what was paid).
    public var subtractDiscounts: Bool
    /// Whether shipping earns points.
    public var includeShipping: Bool
    /// Whether tax earns points.
    public var includeTax: Bool

    public init(subtractDiscounts: Bool = true, includeShipping: Bool = false, includeTax: Bool = false) {
        self.subtractDiscounts = subtractDiscounts
        self.includeShipping = includeShipping
        self.includeTax = includeTax
    }
}
