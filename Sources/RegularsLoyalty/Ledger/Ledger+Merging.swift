import Foundation

extension Ledger {
    /// The entries that carry `other` — the ledger of a customer found to be the same shopper as this ledger's — into
    /// this ledger, to append after its own: `other`'s entries in their order, renumbered after this ledger's last,
    /// with every lot, draw, reference and sequence-bearing key (`release:`, `expire:`) shifted alike, and a key both
    /// ledgers used (a birthday reward in the same year) kept apart as `merged:<mergedCustomer>:<key>`. History, lots,
    /// expiries and pending points carry over exactly as they were, so the combined balance is the sum of the two.
    ///
    /// Throws the violations when the combined ledger would not be sound — one account overdrawn while the other
    /// still holds points — which the caller must resolve by hand.
    public func absorbing(_ other: Ledger, mergedCustomer: String) throws(LedgerMergeRefusal) -> [LedgerEntry] {
        let offset = nextSequence - 1
        let keys = Set(entries.map(\.key))
        func shifted(_ key: IdempotencyKey) -> IdempotencyKey {
            for prefix in ["release:", "expire:"] where key.value.hasPrefix(prefix) {
                if let number = Int64(key.value.dropFirst(prefix.count)) {
                    return IdempotencyKey(prefix + String(number + offset))
                }
            }
            return keys.contains(key) ? IdempotencyKey("merged:\(mergedCustomer):\(key.value)") : key
        }
        let moved = other.entries.map { entry in
            LedgerEntry(
                sequence: entry.sequence + offset, key: shifted(entry.key), part: entry.part, kind: entry.kind,
                status: entry.status, points: entry.points, createdAt: entry.createdAt, unlocksAt: entry.unlocksAt,
                expiresAt: entry.expiresAt, draws: entry.draws.map { LotDraw(lot: $0.lot + offset, points: $0.points) },
                references: entry.references.map { $0 + offset }, orderID: entry.orderID, orderValue: entry.orderValue,
                refundedTotal: entry.refundedTotal, shortfall: entry.shortfall,
                settledOverdraft: entry.settledOverdraft, settledDebt: entry.settledDebt,
                fingerprint: entry.fingerprint, actor: entry.actor, reason: entry.reason,
                explanation: entry.explanation)
        }
        let violations = Ledger(entries: entries + moved).verify()
        guard violations.isEmpty else { throw LedgerMergeRefusal(violations: violations) }
        return moved
    }
}
