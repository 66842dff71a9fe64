import RegularsCore

/// Outstanding points that expire in one month (or never, or are still pending), with their value.
public struct LiabilityBucket: Hashable, Sendable {
    /// The month the points expire in (store time zone); `nil` for points that never expire or are pending.
    public let month: YearMonth?
    public let points: Int64
    /// points × redemption value, rounded half to even to the minor unit.
    public let value: Money
}
