import Foundation

/// A referral to screen: who referred whom, and the facts the rules need.
public struct ReferralCandidate: Hashable, Sendable {
    public var advocate: ReferralParty
    public var friend: ReferralParty
    /// Orders the friend placed before this referral (a new customer has none).
    public var friendPriorOrders: Int
    /// When the advocate's earlier referrals were accepted (for the per-period cap).
    public var advocateAcceptedReferrals: [Date]
    public var at: Date

    public init(
        advocate: ReferralParty, friend: ReferralParty, friendPriorOrders: Int, advocateAcceptedReferrals: [Date] = [],
        at: Date
    ) {
        self.advocate = advocate
        self.friend = friend
        self.friendPriorOrders = friendPriorOrders
        self.advocateAcceptedReferrals = advocateAcceptedReferrals
        self.at = at
    }
}
