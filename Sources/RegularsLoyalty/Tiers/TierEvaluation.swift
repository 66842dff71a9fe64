/// The outcome of evaluating a customer's tier at an instant.
public struct TierEvaluation: Hashable, Sendable {
    /// The status to store.
    public var status: TierStatus
    /// The customer's tier.
    public var tier: Tier
    /// Changes since the previous status, in time order, to record on the timeline.
    public var changes: [TierChange]
    /// The qualifying value at the instant (current window).
    public var qualifyingValue: Int64
    /// A downgrade in its grace period, if any.
    public var pendingDowngrade: PendingDowngrade?
}
