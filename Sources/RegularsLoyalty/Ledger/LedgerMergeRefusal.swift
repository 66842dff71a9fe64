/// Why two ledgers cannot be combined automatically: the invariants the combined ledger would break.
public struct LedgerMergeRefusal: Error, Equatable, Sendable {
    public let violations: [LedgerViolation]

    public init(violations: [LedgerViolation]) {
        self.violations = violations
    }
}
