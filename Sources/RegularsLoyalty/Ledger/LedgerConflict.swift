/// Entries planned from an older snapshot of the ledger: someone appended first. Reload and plan again.
public struct LedgerConflict: Error, Hashable, Sendable {
    public let expectedSequence: Int64
    public let receivedSequence: Int64

    public init(expectedSequence: Int64, receivedSequence: Int64) {
        self.expectedSequence = expectedSequence
        self.receivedSequence = receivedSequence
    }
}
