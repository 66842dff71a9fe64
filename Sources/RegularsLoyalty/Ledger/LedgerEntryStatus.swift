/// Which balance an entry's points belong to. Recorded once; a change of state is a new entry, never an edit.
public enum LedgerEntryStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Earned but not yet spendable (an order's return window); released later by an `earn` entry that refers to it.
    case pending
    /// Counts in the spendable balance.
    case available
    /// Pending points cancelled before they became available (a refund or cancellation inside the return window).
    case void
}
