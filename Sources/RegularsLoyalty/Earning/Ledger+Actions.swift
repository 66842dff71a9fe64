import Foundation
import RegularsCore

extension Ledger {
    /// Plans the points for an action under `rules`: nothing new when its key (see `EarningRules.key(for:rule:)`)
    /// is already recorded. Order-bound actions (first order) follow the order — pending until the return window
    /// closes, taken back by its refunds; other actions are available at once. Referral rewards are `referral`
    /// entries, the rest `earn`.
    public func planAction(_ event: ActionEvent, rules: EarningRules, policy: LedgerPolicy) throws(ActionRefusal)
        -> LedgerPlan
    {
        guard let rule = rules.rule(for: event.action), rule.points > 0 else {
            throw .notConfigured(event.action)
        }
        let key = try rules.key(for: event, rule: rule)
        if contains(key: key) { return .alreadyRecorded(entries(withKey: key)) }
        let explanation: EntryExplanation
        switch event.action {
        case .birthday:
            explanation = .birthday(year: event.customerTimeZone.map { LocalDate(event.at, in: $0).year } ?? 0)
        case .referral: explanation = .referralAdvocate(friendCustomerID: event.subject ?? "")
        default: explanation = .action(event.action, subject: event.subject)
        }
        var builder = PlanBuilder(self)
        builder.settle(at: event.at)
        builder.earn(
            key: key, kind: event.action == .referral ? .referral : .earn, points: rule.points, at: event.at,
            orderID: event.orderID, orderValue: event.orderValue,
            unlocksAt: event.orderPlacedAt.map { policy.unlockInstant(forOrderPlacedAt: $0) }, policy: policy,
            explanation: explanation)
        return builder.plan
    }

    /// Plans recording an order's points: pending until the return window closes (`policy.returnWindowDays` after
    /// the order was placed), then released by maintenance; available at once when the window is 0 or already over.
    /// Keyed `order:<id>:points`: the same webhook delivered again appends nothing. An order earning 0 points plans
    /// nothing.
    public func planOrderPoints(_ earned: OrderPoints, placedAt: Date, policy: LedgerPolicy, at now: Date)
        -> LedgerPlan
    {
        let key = IdempotencyKey.order(earned.orderID)
        if contains(key: key) { return .alreadyRecorded(entries(withKey: key)) }
        var builder = PlanBuilder(self)
        builder.settle(at: now)
        if earned.points > 0 {
            builder.earn(
                key: key, kind: .earn, points: earned.points, at: now, orderID: earned.orderID,
                orderValue: earned.orderValue, unlocksAt: policy.unlockInstant(forOrderPlacedAt: placedAt),
                policy: policy, explanation: .orderPoints(orderID: earned.orderID))
        }
        return builder.plan
    }
}

extension PlanBuilder {
    /// A credit that is pending until `unlocksAt` when that is still ahead, otherwise available now; its lot expires
    /// `policy.pointsLifetimeDays` after the points become available.
    mutating func earn(
        key: IdempotencyKey, kind: LedgerEntryKind, points: Int64, at now: Date, orderID: String?,
        orderValue: Money?, unlocksAt: Date?, policy: LedgerPolicy, explanation: EntryExplanation
    ) {
        if let unlocksAt, unlocksAt > now {
            append(
                key: key, kind: kind, status: .pending, points: points, at: now, unlocksAt: unlocksAt,
                expiresAt: policy.expiryInstant(forPointsAvailableAt: unlocksAt), orderID: orderID,
                orderValue: orderValue, explanation: explanation)
        } else {
            credit(
                key: key, kind: kind, gross: points, at: now,
                expiresAt: policy.expiryInstant(forPointsAvailableAt: now), orderID: orderID, orderValue: orderValue,
                explanation: explanation)
        }
    }
}
