/// How one part of an order counted: its value after discounts and the promotion multiplier that applied.
public struct LinePoints: Hashable, Sendable {
    /// Index of the order line, or `nil` for shipping and tax.
    public let lineIndex: Int?
    /// "line", "shipping" or "tax".
    public let part: String
    /// Value that earns points, minor units.
    public let value: Int64
    /// The promotion multiplier applied (1 when none).
    public let multiplier: Multiplier
    /// The promotion that gave it, if any.
    public let promotion: String?
}
