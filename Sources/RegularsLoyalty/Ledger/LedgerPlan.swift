/// What a planner decided: entries to append (possibly none), or the entries an earlier identical trigger recorded.
public enum LedgerPlan: Hashable, Sendable {
    /// Append these entries, in order, starting at the ledger's `nextSequence`, in one transaction.
    case append([LedgerEntry])
    /// The trigger's key is already in the ledger: nothing to append; these are the entries it recorded.
    case alreadyRecorded([LedgerEntry])

    /// The entries to append (empty for a replay).
    public var newEntries: [LedgerEntry] {
        if case .append(let entries) = self { return entries }
        return []
    }

    /// Whether this is a replay of a recorded trigger.
    public var isReplay: Bool {
        if case .alreadyRecorded = self { return true }
        return false
    }
}
