/// A broken invariant found by `Ledger.verify()`. A ledger built only from planner output never has any.
public enum LedgerViolation: Hashable, Sendable, CustomStringConvertible {
    /// Sequences must run 1, 2, 3… without gaps or repeats.
    case sequenceGap(expected: Int64, found: Int64)
    /// An idempotency key appended by more than one operation (a retry that was not recognised).
    case duplicateOperation(key: IdempotencyKey, sequence: Int64)
    /// An entry whose fields do not fit its kind and status.
    case malformedEntry(sequence: Int64, problem: String)
    /// A draw from a lot that does not exist (yet).
    case unknownLot(sequence: Int64, lot: Int64)
    /// A lot with less than zero points left.
    case lotBelowZero(lot: Int64, remaining: Int64)
    /// A redemption or adjustment that took points from a lot at or after its expiry instant.
    case drawFromExpiredLot(sequence: Int64, lot: Int64)
    /// An expiry entry before the lot's expiry instant.
    case expiredEarly(sequence: Int64, lot: Int64)
    /// A release or void of an entry that is not pending.
    case unknownPending(sequence: Int64, pending: Int64)
    /// More pending points released or voided than were pending.
    case pendingBelowZero(pending: Int64, outstanding: Int64)
    /// Pending points released before their unlock instant.
    case releasedEarly(sequence: Int64, pending: Int64)
    /// A reversal of something that is not an order-linked credit.
    case unknownReversalTarget(sequence: Int64, target: Int64)
    /// More taken back from an order's credit than it earned.
    case reversedMoreThanEarned(credit: Int64, taken: Int64, earned: Int64)
    /// More negative balance or debt repaid than was owed.
    case overRepaid(sequence: Int64)
    /// The balance (sum of available entries) differs from the points in lots minus the negative balance.
    case balanceMismatch(sumOfAvailableEntries: Int64, pointsInLots: Int64, overdraft: Int64)
    /// A negative balance while some lot still holds points.
    case overdraftWithPointsLeft(overdraft: Int64, pointsInLots: Int64)

    public var description: String {
        switch self {
        case .sequenceGap(let expected, let found): "expected sequence \(expected), found \(found)"
        case .duplicateOperation(let key, let sequence): "key \(key) appended again at \(sequence)"
        case .malformedEntry(let sequence, let problem): "entry \(sequence): \(problem)"
        case .unknownLot(let sequence, let lot): "entry \(sequence) draws from unknown lot \(lot)"
        case .lotBelowZero(let lot, let remaining): "lot \(lot) is at \(remaining)"
        case .drawFromExpiredLot(let sequence, let lot): "entry \(sequence) spends expired lot \(lot)"
        case .expiredEarly(let sequence, let lot): "entry \(sequence) expires lot \(lot) before its expiry"
        case .unknownPending(let sequence, let pending): "entry \(sequence) refers to \(pending), not pending"
        case .pendingBelowZero(let pending, let outstanding): "pending entry \(pending) is at \(outstanding)"
        case .releasedEarly(let sequence, let pending): "entry \(sequence) releases \(pending) before it unlocks"
        case .unknownReversalTarget(let sequence, let target):
            "entry \(sequence) reverses \(target), not an order-linked credit"
        case .reversedMoreThanEarned(let credit, let taken, let earned):
            "credit \(credit) had \(taken) taken back but earned \(earned)"
        case .overRepaid(let sequence): "entry \(sequence) repays more than was owed"
        case .balanceMismatch(let sum, let lots, let overdraft):
            "sum of available entries \(sum) ≠ points in lots \(lots) − negative balance \(overdraft)"
        case .overdraftWithPointsLeft(let overdraft, let lots):
            "negative balance \(overdraft) while lots still hold \(lots) points"
        }
    }
}
