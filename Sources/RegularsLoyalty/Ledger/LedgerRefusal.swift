import RegularsCore

/// Why a planner refused a request. Nothing is appended.
public enum LedgerRefusal: Error, Hashable, Sendable {
    /// The amount must be positive (redemptions) or non-zero (adjustments).
    case invalidAmount(Int64)
    /// Not enough spendable points at that instant (HTTP 409). `available` already excludes expired lots.
    case insufficientBalance(available: Int64, requested: Int64)
    /// The idempotency key was used by a different request (HTTP 422).
    case idempotencyKeyReused(key: IdempotencyKey)
    /// A manual adjustment without the admin or the reason.
    case missingReasonOrActor
    /// A refund in another currency than the order's points were measured in.
    case currencyMismatch(expected: CurrencyCode, received: CurrencyCode)
    /// A negative refund amount.
    case invalidRefundAmount(Int64)
}
