extension Ledger {
    /// Plans spending `request.points` at `request.at`: due releases and expiries first, then one `redeem` entry
    /// that takes the points from the open lots, earliest expiry first (ties: the older lot first).
    ///
    /// - A key already recorded with the same fingerprint (or without one): `.alreadyRecorded`, nothing new.
    /// - A key already recorded with another fingerprint: throws `.idempotencyKeyReused` (422).
    /// - Fewer spendable points than asked at that instant: throws `.insufficientBalance` (409); a balance can
    ///   therefore never go below zero through redemptions, even when two requests race (see `appending`).
    public func planRedemption(_ request: RedemptionRequest) throws(LedgerRefusal) -> LedgerPlan {
        if let replay = try replay(of: request.key, fingerprint: request.fingerprint) { return replay }
        guard request.points > 0 else { throw .invalidAmount(request.points) }
        var builder = PlanBuilder(self)
        builder.settle(at: request.at)
        let available = builder.ledger.balance
        guard available >= request.points else {
            throw .insufficientBalance(available: max(0, available), requested: request.points)
        }
        let draws = builder.draws(request.points, at: request.at)
        builder.append(
            key: request.key, kind: .redeem, status: .available, points: -request.points, at: request.at,
            draws: draws, fingerprint: request.fingerprint, explanation: .redemption(reward: request.reward))
        return builder.plan
    }

    /// The recorded entries of `key` when it is already in the ledger and the fingerprints agree; throws when a
    /// different request used the key; `nil` when the key is new.
    func replay(of key: IdempotencyKey, fingerprint: RequestFingerprint?) throws(LedgerRefusal) -> LedgerPlan? {
        let recorded = entries(withKey: key)
        guard !recorded.isEmpty else { return nil }
        if let fingerprint, recorded.first?.fingerprint != fingerprint { throw .idempotencyKeyReused(key: key) }
        return .alreadyRecorded(recorded)
    }
}
