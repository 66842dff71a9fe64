/// Latent behaviour of one customer, drawn before any data is emitted (Pareto/NBD with gamma-gamma spend).
struct DemoShopper: Sendable {
    /// Position in generation order; names the customer's random streams.
    var generationIndex: Int
    var region: DemoRegion
    /// Time of the first order (Unix seconds).
    var acquiredAt: Int64
    /// Account creation, at or shortly before `acquiredAt` (days before for early newsletter sign-ups).
    var createdAt: Int64
    var signedUpEarly: Bool
    /// Expected purchases per year while active (gamma distributed across customers).
    var purchaseRate: Double
    /// When the customer silently stops buying (exponential lifetime with a gamma distributed rate).
    var churnAt: Int64
    /// Mean basket value relative to the store average (gamma distributed across customers).
    var spendLevel: Double
    /// Propensity to use discount codes, in [0, 1].
    var discountAffinity: Double
    /// Probability that any given order is refunded.
    var refundPropensity: Double
    var primaryCategory: Int
    var secondaryCategory: Int?
    var isWholesale: Bool
}
