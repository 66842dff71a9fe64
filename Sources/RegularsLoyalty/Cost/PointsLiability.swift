import Foundation
import RegularsCore

/// What the store owes in points: spendable points by the month they expire, valued at the redemption value.
public struct PointsLiability: Hashable, Sendable {
    /// Spendable points by expiry month, earliest first.
    public let byExpiryMonth: [LiabilityBucket]
    /// Spendable points that never expire.
    public let neverExpiring: LiabilityBucket
    /// Pending points (not yet spendable; a contingent liability, they may still be voided by refunds).
    public let pending: LiabilityBucket
    /// All spendable points and their value, computed from the total (not by adding the rounded months).
    public let outstanding: LiabilityBucket

    /// The liability of `ledgers` as they stand at `now` (due releases and expiries applied), months in `timeZone`.
    /// Negative balances and debts are not netted against it: they are owed by shoppers, not a reduction of what
    /// others can redeem.
    public init(
        ledgers: [Ledger], value: RedemptionValue, currency: CurrencyCode, timeZone: TimeZone, at now: Date
    ) {
        var byMonth: [YearMonth: Int64] = [:]
        var never: Int64 = 0
        var pendingPoints: Int64 = 0
        for ledger in ledgers {
            let settled = ledger.settled(at: now)
            pendingPoints += settled.pendingPoints
            for lot in settled.openLots {
                if let expiresAt = lot.expiresAt {
                    byMonth[YearMonth(expiresAt, in: timeZone), default: 0] += lot.remaining
                } else {
                    never += lot.remaining
                }
            }
        }
        func bucket(_ month: YearMonth?, _ points: Int64) -> LiabilityBucket {
            LiabilityBucket(
                month: month, points: points,
                value: Money(minorUnits: value.value(ofPoints: points), currency: currency))
        }
        byExpiryMonth = byMonth.keys.sorted().map { bucket($0, byMonth[$0] ?? 0) }
        neverExpiring = bucket(nil, never)
        pending = bucket(nil, pendingPoints)
        outstanding = bucket(nil, byMonth.values.reduce(never, +))
    }
}
