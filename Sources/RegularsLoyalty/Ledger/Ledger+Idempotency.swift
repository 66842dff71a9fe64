extension Ledger {
    /// Stripe's semantics for an API `Idempotency-Key`: the key unused → `.proceed`; used by a request with the same
    /// fingerprint → `.replay` with what it recorded (answer as the first time, change nothing); used by a different
    /// request → `.mismatch` (answer 422, change nothing).
    public func idempotencyDecision(for key: IdempotencyKey, fingerprint: RequestFingerprint) -> IdempotencyDecision {
        let recorded = entries(withKey: key)
        return IdempotencyDecision.decide(
            stored: recorded.first?.fingerprint, recorded: recorded, keyExists: contains(key: key),
            received: fingerprint)
    }
}
