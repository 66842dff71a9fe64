/// What tier thresholds measure. Never the spendable balance: redeeming or losing points to expiry does not lower
/// a tier.
public enum TierMetric: String, Hashable, Sendable, Codable, CaseIterable {
    /// Net spend (orders less refunds), minor units of the base currency.
    case spend
    /// Points earned (order points, actions, referrals, less what refunds took back); redemptions, expiry and manual
    /// adjustments do not count.
    case pointsEarned = "points_earned"
}
