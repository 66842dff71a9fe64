extension Ledger {
    /// Plans a manual adjustment. Added points form a lot with the policy's lifetime (and repay any negative balance
    /// or debt first, like every credit); removed points come from the open lots, earliest expiry first, and may not
    /// exceed the spendable balance. Both need an admin and a reason.
    public func planAdjustment(_ adjustment: ManualAdjustment, policy: LedgerPolicy) throws(LedgerRefusal)
        -> LedgerPlan
    {
        if let replay = try replay(of: adjustment.key, fingerprint: adjustment.fingerprint) { return replay }
        guard adjustment.points != 0 else { throw .invalidAmount(0) }
        guard Self.isPresent(adjustment.actor), Self.isPresent(adjustment.reason) else { throw .missingReasonOrActor }
        var builder = PlanBuilder(self)
        builder.settle(at: adjustment.at)
        if adjustment.points > 0 {
            builder.credit(
                key: adjustment.key, kind: .adjust, gross: adjustment.points, at: adjustment.at,
                expiresAt: policy.expiryInstant(forPointsAvailableAt: adjustment.at),
                fingerprint: adjustment.fingerprint, actor: adjustment.actor, reason: adjustment.reason,
                explanation: .manualAdjustment)
        } else {
            let removed = -adjustment.points
            let available = builder.ledger.balance
            guard available >= removed else {
                throw .insufficientBalance(available: max(0, available), requested: removed)
            }
            builder.append(
                key: adjustment.key, kind: .adjust, status: .available, points: adjustment.points, at: adjustment.at,
                draws: builder.draws(removed, at: adjustment.at), fingerprint: adjustment.fingerprint,
                actor: adjustment.actor, reason: adjustment.reason, explanation: .manualAdjustment)
        }
        return builder.plan
    }
}
