/// What to do with a request carrying an idempotency key, with Stripe's semantics.
public enum IdempotencyDecision: Hashable, Sendable {
    /// The key is new: carry the request out.
    case proceed
    /// The key was used by an identical request: answer with what it recorded and change nothing.
    case replay([LedgerEntry])
    /// The key was used by a different request: refuse (HTTP 422), change nothing.
    case mismatch(stored: RequestFingerprint?, received: RequestFingerprint)

    /// Stripe's rule for one stored request: none → proceed; same fingerprint → replay; different → mismatch.
    public static func decide(
        stored: RequestFingerprint?, recorded: [LedgerEntry], keyExists: Bool, received: RequestFingerprint
    ) -> IdempotencyDecision {
        guard keyExists else { return .proceed }
        return stored == received ? .replay(recorded) : .mismatch(stored: stored, received: received)
    }
}
