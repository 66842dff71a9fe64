/// What a ledger entry records.
public enum LedgerEntryKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Points earned: by an order, by an action (account created, review, birthday…), or pending points released.
    case earn
    /// Points spent on a reward.
    case redeem
    /// What was left of a lot when it reached its expiry date.
    case expire
    /// Points taken back because an order was refunded or cancelled (voided while pending, reversed after).
    case reverse
    /// A manual change by an admin, always with a reason.
    case adjust
    /// A referral reward, to the advocate or to the referred friend.
    case referral
}
