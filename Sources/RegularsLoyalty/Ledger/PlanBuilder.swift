import Foundation
import RegularsCore

/// Accumulates the entries of one plan against a working copy of the ledger, so each step sees the previous ones.
struct PlanBuilder {
    private(set) var ledger: Ledger
    private(set) var appended: [LedgerEntry] = []

    init(_ ledger: Ledger) {
        self.ledger = ledger
    }

    var plan: LedgerPlan { .append(appended) }

    /// Appends one entry, numbering it and its part within its operation.
    mutating func append(
        key: IdempotencyKey, kind: LedgerEntryKind, status: LedgerEntryStatus, points: Int64, at instant: Date,
        unlocksAt: Date? = nil, expiresAt: Date? = nil, draws: [LotDraw] = [], references: Int64? = nil,
        orderID: String? = nil, orderValue: Money? = nil, refundedTotal: Int64? = nil,
        shortfall: LedgerShortfall? = nil, settledOverdraft: Int64 = 0, settledDebt: Int64 = 0,
        fingerprint: RequestFingerprint? = nil, actor: String? = nil, reason: String? = nil,
        explanation: EntryExplanation
    ) {
        let part = appended.last.map { $0.key == key ? $0.part + 1 : 0 } ?? 0
        let entry = LedgerEntry(
            sequence: ledger.nextSequence, key: key, part: part, kind: kind, status: status, points: points,
            createdAt: instant, unlocksAt: unlocksAt, expiresAt: expiresAt, draws: draws, references: references,
            orderID: orderID, orderValue: orderValue, refundedTotal: refundedTotal, shortfall: shortfall,
            settledOverdraft: settledOverdraft, settledDebt: settledDebt, fingerprint: fingerprint, actor: actor,
            reason: reason, explanation: explanation)
        ledger.apply(entry)
        appended.append(entry)
    }

    /// Appends a credit of `gross` available points, which first repays what is owed: a negative balance (the lot
    /// is created without those points) and then a debt (withheld: not in the entry's points).
    mutating func credit(
        key: IdempotencyKey, kind: LedgerEntryKind, gross: Int64, at instant: Date, expiresAt: Date?,
        references: Int64? = nil, orderID: String? = nil, orderValue: Money? = nil,
        fingerprint: RequestFingerprint? = nil, actor: String? = nil, reason: String? = nil,
        explanation: EntryExplanation
    ) {
        let settledOverdraft = min(gross, ledger.overdraft)
        let settledDebt = min(gross - settledOverdraft, ledger.debt)
        append(
            key: key, kind: kind, status: .available, points: gross - settledDebt, at: instant, expiresAt: expiresAt,
            references: references, orderID: orderID, orderValue: orderValue, settledOverdraft: settledOverdraft,
            settledDebt: settledDebt, fingerprint: fingerprint, actor: actor, reason: reason,
            explanation: explanation)
    }

    /// Takes up to `points` from the open lots that have not expired at `instant`, in consumption order, optionally
    /// starting with one lot; returns the draws (their total may be less than asked).
    func draws(_ points: Int64, at instant: Date, startingWith first: Int64? = nil, excluding: Set<Int64> = [])
        -> [LotDraw]
    {
        var needed = points
        var result: [LotDraw] = []
        var candidates = ledger.openLots.filter { !$0.isExpired(at: instant) && !excluding.contains($0.id) }
        if let first, let index = candidates.firstIndex(where: { $0.id == first }) {
            candidates.insert(candidates.remove(at: index), at: 0)
        }
        for lot in candidates where needed > 0 {
            let take = min(needed, lot.remaining)
            result.append(LotDraw(lot: lot.id, points: take))
            needed -= take
        }
        return result
    }

    /// Appends what `instant` makes due, in time order: pending points whose unlock instant has passed are released
    /// (repaying any debt first), then lots past their expiry instant lose what is left of them.
    mutating func settle(at instant: Date) {
        while true {
            let release = ledger.pendingEntries.filter { $0.outstanding > 0 && $0.unlocksAt <= instant }
                .min { ($0.unlocksAt, $0.id) < ($1.unlocksAt, $1.id) }
            let expiry = ledger.lots.filter { $0.remaining > 0 && $0.isExpired(at: instant) }
                .min(by: Lot.consumptionOrder)
            if let release, release.unlocksAt <= (expiry?.expiresAt ?? .distantFuture) {
                credit(
                    key: .release(ofEntry: release.id), kind: release.kind, gross: release.outstanding, at: instant,
                    expiresAt: release.expiresAt, references: release.id, orderID: release.orderID,
                    explanation: .released)
            } else if let expiry, let expiresAt = expiry.expiresAt {
                append(
                    key: .expiry(ofLot: expiry.id), kind: .expire, status: .available, points: -expiry.remaining,
                    at: instant, draws: [LotDraw(lot: expiry.id, points: expiry.remaining)],
                    explanation: .expiry(earnedAt: expiry.createdAt, expiredAt: expiresAt))
            } else {
                return
            }
        }
    }
}
