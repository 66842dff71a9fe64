import Foundation

/// A customer's points ledger: the entries in sequence and everything derived from them.
///
/// Built by folding the entries in order; `verify()` re-checks every invariant. Planners (`planRedemption`,
/// `planMaintenance`, `planRefund`, …) never change a ledger: they return the entries to append.
public struct Ledger: Sendable, Equatable {
    public internal(set) var entries: [LedgerEntry] = []
    /// The spendable balance: the sum of the points of all `available` entries (negative only under the
    /// negative-balance shortfall policy).
    public internal(set) var balance: Int64 = 0
    /// Points owed under the negative-balance policy (already included in `balance`), repaid by later credits.
    public internal(set) var overdraft: Int64 = 0
    /// Points owed under the debt policy (not included in `balance`), withheld from later credits.
    public internal(set) var debt: Int64 = 0
    /// Every lot ever created, in creation order, with what is left of it.
    public internal(set) var lots: [Lot] = []
    /// Every pending entry, with what is still pending of it.
    public internal(set) var pendingEntries: [PendingPoints] = []

    var lotIndex: [Int64: Int] = [:]
    var pendingIndex: [Int64: Int] = [:]
    var keyRuns: [IdempotencyKey: ClosedRange<Int>] = [:]
    var links: [Int64: OrderLink] = [:]
    var orderCredits: [String: [Int64]] = [:]
    var foldViolations: [LedgerViolation] = []

    /// An empty ledger.
    public init() {}

    /// The ledger of `entries`, in sequence order as stored. Malformed input is not rejected here: `verify()`
    /// reports it.
    public init(entries: [LedgerEntry]) {
        for entry in entries { apply(entry) }
    }

    public static func == (lhs: Ledger, rhs: Ledger) -> Bool { lhs.entries == rhs.entries }

    /// The sequence number the next appended entry must have.
    public var nextSequence: Int64 { (entries.last?.sequence ?? 0) + 1 }

    /// Points still pending, all entries together.
    public var pendingPoints: Int64 { pendingEntries.reduce(0) { $0 + $1.outstanding } }

    /// Pending entries with points still waiting, earliest unlock first.
    public var pending: [PendingPoints] {
        pendingEntries.filter { $0.outstanding > 0 }.sorted { ($0.unlocksAt, $0.id) < ($1.unlocksAt, $1.id) }
    }

    /// Lots that still hold points, in the order debits consume them (earliest expiry first, ties by creation).
    public var openLots: [Lot] {
        lots.filter { $0.remaining > 0 }.sorted(by: Lot.consumptionOrder)
    }

    /// Points held in lots (equals `balance + overdraft`).
    public var pointsInLots: Int64 { lots.reduce(0) { $0 + $1.remaining } }

    /// The lot created by entry `id`.
    public func lot(_ id: Int64) -> Lot? { lotIndex[id].map { lots[$0] } }

    /// Whether an operation with `key` has been recorded: a retry of it must change nothing.
    public func contains(key: IdempotencyKey) -> Bool { keyRuns[key] != nil }

    /// The entries appended by the operation with `key`, in order; empty when there is none.
    public func entries(withKey key: IdempotencyKey) -> [LedgerEntry] {
        guard let run = keyRuns[key] else { return [] }
        return Array(entries[run])
    }

    /// The ledger with `newEntries` appended, refusing them when they do not start at `nextSequence`
    /// — the in-memory twin of the server's conditional insert (another writer got there first).
    public func appending(_ newEntries: [LedgerEntry]) throws(LedgerConflict) -> Ledger {
        if let first = newEntries.first, first.sequence != nextSequence {
            throw LedgerConflict(expectedSequence: nextSequence, receivedSequence: first.sequence)
        }
        var ledger = self
        for entry in newEntries { ledger.apply(entry) }
        return ledger
    }
}
