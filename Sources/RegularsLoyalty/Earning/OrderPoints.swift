import RegularsCore

/// The points an order earns, with how they were computed.
public struct OrderPoints: Hashable, Sendable {
    public let orderID: String
    /// Points, rounded down once for the whole order after every multiplier.
    public let points: Int64
    /// The value that earned points (after the basis choices), minor units.
    public let countedValue: Int64
    /// What the shopper paid; refunds are measured against it for proportional reversal.
    public let orderValue: Money
    public let tierMultiplier: Multiplier
    public let parts: [LinePoints]
}
