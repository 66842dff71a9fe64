extension Ledger {
    /// Every invariant of the ledger, checked: contiguous sequences; each idempotency key appended by one operation;
    /// entries well-formed for their kind and status; no lot below zero; nothing spent from an expired lot and nothing
    /// expired early; no more released, voided or reversed than was earned; and the balance — the sum of the points of
    /// all available entries, added up here independently — equal to the points left in lots minus the negative
    /// balance, with no negative balance while any lot still holds points. Empty when the ledger is sound.
    public func verify() -> [LedgerViolation] {
        var violations = foldViolations
        var sumOfAvailable: Int64 = 0
        for entry in entries where entry.status == .available { sumOfAvailable += entry.points }
        let inLots = lots.reduce(Int64(0)) { $0 + $1.remaining }
        if sumOfAvailable != balance || sumOfAvailable != inLots - overdraft {
            violations.append(
                .balanceMismatch(sumOfAvailableEntries: sumOfAvailable, pointsInLots: inLots, overdraft: overdraft))
        }
        if overdraft > 0, inLots > 0 {
            violations.append(.overdraftWithPointsLeft(overdraft: overdraft, pointsInLots: inLots))
        }
        return violations
    }

    /// Whether `verify()` finds nothing wrong.
    public var isConsistent: Bool { verify().isEmpty }
}
