/// What a tier gives its members.
public struct TierBenefits: Hashable, Sendable, Codable {
    /// Applied to order points (see `EarningRules.points(for:tierMultiplier:)`).
    public var earningMultiplier: Multiplier
    /// Rewards only this tier can redeem (reward ids).
    public var exclusiveRewards: [String]
    /// Early access to sales and launches.
    public var earlyAccess: Bool
    /// A free-shipping reward.
    public var freeShipping: Bool

    public init(
        earningMultiplier: Multiplier = .one, exclusiveRewards: [String] = [], earlyAccess: Bool = false,
        freeShipping: Bool = false
    ) {
        self.earningMultiplier = earningMultiplier
        self.exclusiveRewards = exclusiveRewards
        self.earlyAccess = earlyAccess
        self.freeShipping = freeShipping
    }
}
