import Foundation

/// Points that became available together (one credit) and expire together. Debits take from lots; a lot never
/// goes below zero, and expiry removes only what is left of it.
public struct Lot: Hashable, Sendable, Identifiable {
    /// The sequence number of the credit that created the lot.
    public let id: Int64
    public let kind: LedgerEntryKind
    public let createdAt: Date
    public let expiresAt: Date?
    public let orderID: String?
    /// Points the lot started with (the credit's points minus any negative balance it cleared).
    public let amount: Int64
    /// Points still in the lot.
    public internal(set) var remaining: Int64
    /// Points taken by redemptions.
    public internal(set) var redeemed: Int64 = 0
    /// Points removed when the lot expired.
    public internal(set) var expired: Int64 = 0
    /// Points removed by negative manual adjustments.
    public internal(set) var adjustedAway: Int64 = 0
    /// Points taken by reversals (of this lot's order, or of another order under the negative-balance policy).
    public internal(set) var reversed: Int64 = 0

    init(entry: LedgerEntry) {
        id = entry.sequence
        kind = entry.kind
        createdAt = entry.createdAt
        expiresAt = entry.expiresAt
        orderID = entry.orderID
        amount = entry.points - entry.settledOverdraft
        remaining = amount
    }

    /// Whether the lot has reached its expiry instant at `instant`.
    public func isExpired(at instant: Date) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt <= instant
    }

    /// The order debits consume lots in: earliest expiry first (lots that never expire last), ties by creation.
    static func consumptionOrder(_ lhs: Lot, _ rhs: Lot) -> Bool {
        let left = lhs.expiresAt ?? .distantFuture
        let right = rhs.expiresAt ?? .distantFuture
        return left == right ? lhs.id < rhs.id : left < right
    }
}
