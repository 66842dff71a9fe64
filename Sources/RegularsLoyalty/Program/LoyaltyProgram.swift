/// A merchant's whole loyalty configuration as one Codable value (stored as JSON by the server).
public struct LoyaltyProgram: Hashable, Sendable, Codable {
    public var earning: EarningRules
    public var ledger: LedgerPolicy
    public var redemptionValue: RedemptionValue
    public var tiers: TierProgram?
    public var referrals: ReferralProgram?

    public init(
        earning: EarningRules, ledger: LedgerPolicy, redemptionValue: RedemptionValue, tiers: TierProgram? = nil,
        referrals: ReferralProgram? = nil
    ) {
        self.earning = earning
        self.ledger = ledger
        self.redemptionValue = redemptionValue
        self.tiers = tiers
        self.referrals = referrals
    }

    /// Everything wrong with the configuration, for the admin; empty when it can be used.
    public var problems: [String] {
        var problems = earning.problems + (tiers?.problems ?? [])
        if ledger.returnWindowDays < 0 { problems.append("the return window cannot be negative") }
        if let days = ledger.pointsLifetimeDays, days < 1 { problems.append("points must live at least a day") }
        if redemptionValue.points <= 0 || redemptionValue.minorUnits < 0 {
            problems.append("the redemption value needs minor units ≥ 0 per points > 0")
        }
        if let referrals, referrals.friendPoints < 0 { problems.append("the friend's reward cannot be negative") }
        if let commission = referrals?.commission, commission.months < 1 {
            problems.append("commission must last at least a month")
        }
        return problems
    }
}
