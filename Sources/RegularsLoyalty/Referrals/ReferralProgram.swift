import RegularsCore

/// A merchant's referral programme. The advocate's reward is the `referral` action rule of `EarningRules` (once per
/// referred friend); the friend's welcome reward is here.
public struct ReferralProgram: Hashable, Sendable, Codable {
    /// Points for the referred friend, once per friend whoever referred them.
    public var friendPoints: Int64
    /// The friend's first order must be worth at least this much to reward anyone.
    public var minimumOrderValue: Money?
    public var fraud: ReferralFraudRules
    /// Commission for affiliates, if the merchant pays one.
    public var commission: AffiliateCommissionRule?

    public init(
        friendPoints: Int64, minimumOrderValue: Money? = nil, fraud: ReferralFraudRules = ReferralFraudRules(),
        commission: AffiliateCommissionRule? = nil
    ) {
        self.friendPoints = friendPoints
        self.minimumOrderValue = minimumOrderValue
        self.fraud = fraud
        self.commission = commission
    }
}
