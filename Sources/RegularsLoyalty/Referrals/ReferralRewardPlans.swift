/// The entries to append to each side's ledger for one referral (each its own transaction, each idempotent).
public struct ReferralRewardPlans: Hashable, Sendable {
    public var advocate: LedgerPlan
    public var friend: LedgerPlan
}
