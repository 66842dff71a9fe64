import RegularsCore

extension Ledger {
    /// Plans what a refund or cancellation of an order does to the points linked to that order (its order points,
    /// and its first-order bonus or referral rewards when they were recorded against it). For each such credit,
    /// with E the points it earned, V the order value it recorded and R the order's refunded total after this refund
    /// (capped at V; a cancellation is R = V):
    ///
    /// - the points to have taken back in total are ⌈E × R / V⌉ — the shopper keeps ⌊E × (V − R) / V⌋, what the
    ///   value they kept earns, rounded down like all earning; this refund takes the difference from what earlier
    ///   refunds already took, so successive partial refunds add up exactly to a single refund of their sum;
    /// - while the points are pending (inside the return window) they are voided: a `reverse` entry with status
    ///   `void`; nothing spendable changes;
    /// - once available they are reversed from the order's own lot; points that expired or that an admin removed are
    ///   gone already and are not taken again; what the shopper already spent is the shortfall, handled by
    ///   `policy.shortfall` (negative balance, or a debt withheld from future earnings);
    /// - every refund leaves an entry per credit, even of 0 points, so the history explains it and the refunded total
    ///   is known to the next refund.
    ///
    /// An order with no linked points plans nothing. Keyed `refund:<id>` or `cancel:<order>`.
    public func planRefund(_ refund: OrderRefund, policy: LedgerPolicy) throws(LedgerRefusal) -> LedgerPlan {
        if let replay = try replay(of: refund.key, fingerprint: nil) { return replay }
        guard refund.amount.minorUnits >= 0 else { throw .invalidRefundAmount(refund.amount.minorUnits) }
        let credits = orderCredits[refund.orderID] ?? []
        for credit in credits {
            if let value = links[credit]?.orderValue, !refund.isCancellation,
                value.currency != refund.amount.currency
            {
                throw .currencyMismatch(expected: value.currency, received: refund.amount.currency)
            }
        }
        var builder = PlanBuilder(self)
        builder.settle(at: refund.at)
        for credit in credits {
            guard let link = builder.ledger.links[credit] else { continue }
            builder.takeBack(link, for: refund, policy: policy)
        }
        return builder.plan
    }
}

extension PlanBuilder {
    fileprivate mutating func takeBack(_ link: OrderLink, for refund: OrderRefund, policy: LedgerPolicy) {
        let value = link.orderValue?.minorUnits ?? 0
        let refundedTotal =
            refund.isCancellation ? value : min(value, link.refundedTotal + refund.amount.minorUnits)
        let target: Int64
        if refund.isCancellation {
            target = link.points
        } else if value > 0 {
            target = ExactArithmetic.multiplyDivide(link.points, refundedTotal, value, rounding: .up)
        } else {
            target = link.taken
        }
        var increment = max(0, target - link.taken)
        let explanation = EntryExplanation.refund(
            orderID: link.orderID, refundID: refund.refundID, refunded: refund.amount,
            orderValue: link.orderValue ?? .zero(refund.amount.currency), isCancellation: refund.isCancellation)
        guard let lotID = link.lot, let lot = ledger.lot(lotID) else {
            let outstanding = ledger.pendingEntries.first { $0.id == link.credit }?.outstanding ?? 0
            increment = min(increment, outstanding)
            append(
                key: refund.key, kind: .reverse, status: .void, points: -increment, at: refund.at,
                references: link.credit, orderID: link.orderID, refundedTotal: refundedTotal,
                explanation: explanation)
            return
        }
        let uncollectable = lot.expired + lot.adjustedAway
        increment = min(increment, max(0, link.points - uncollectable - link.taken))
        let own = min(increment, max(0, lot.remaining))
        var lotDraws = own > 0 ? [LotDraw(lot: lotID, points: own)] : []
        let missing = increment - own
        var shortfall: LedgerShortfall?
        var points = -own
        switch policy.shortfall {
        case .negativeBalance:
            let others = draws(missing, at: refund.at, excluding: [lotID])
            lotDraws += others
            let uncovered = missing - others.reduce(0) { $0 + $1.points }
            if uncovered > 0 { shortfall = LedgerShortfall(points: uncovered, treatment: .negativeBalance) }
            points = -increment
        case .debtFromFutureEarnings:
            if missing > 0 { shortfall = LedgerShortfall(points: missing, treatment: .debtFromFutureEarnings) }
        }
        append(
            key: refund.key, kind: .reverse, status: .available, points: points, at: refund.at, draws: lotDraws,
            references: link.credit, orderID: link.orderID, refundedTotal: refundedTotal, shortfall: shortfall,
            explanation: explanation)
    }
}
