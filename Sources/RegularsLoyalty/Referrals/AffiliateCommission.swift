import RegularsCore

/// An affiliate's commission to date.
public struct AffiliateCommission: Hashable, Sendable {
    /// The orders that count: placed within the window of their customer's referral, net value above 0.
    public let eligibleOrders: [ReferredOrder]
    /// Their net value, summed.
    public let eligibleNet: Money
    /// ⌊eligibleNet × rate⌋: computed exactly on the sum and rounded down once, to the minor unit.
    public let commission: Money
}
