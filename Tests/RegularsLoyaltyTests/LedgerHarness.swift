import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

/// A ledger plus the store's conditional append, for driving planners in tests.
struct LedgerHarness {
    var ledger = Ledger()
    var policy: LedgerPolicy
    var rules = Fixtures.rules

    init(policy: LedgerPolicy = Fixtures.policy()) {
        self.policy = policy
    }

    /// Appends the plan's entries (as the server would, in one transaction) and returns them.
    @discardableResult
    mutating func apply(_ plan: LedgerPlan) throws -> [LedgerEntry] {
        ledger = try ledger.appending(plan.newEntries)
        return plan.newEntries
    }

    /// Records an order of `total` minor units placed at `placedAt`, seen at `at` (default: when placed).
    @discardableResult
    mutating func order(_ id: String, total: Int64, placedAt: Date, at: Date? = nil) throws -> [LedgerEntry] {
        let order = Fixtures.order(id, total: total, placedAt: placedAt)
        return try apply(
            ledger.planOrderPoints(
                Fixtures.points(order, rules: rules), placedAt: placedAt, policy: policy, at: at ?? placedAt))
    }

    /// Adds points by a manual adjustment (a lot with the policy's lifetime).
    @discardableResult
    mutating func grant(_ points: Int64, at: Date, token: String) throws -> [LedgerEntry] {
        try apply(
            ledger.planAdjustment(
                ManualAdjustment(key: .adjustment(token), points: points, actor: "admin@shop", reason: "test", at: at),
                policy: policy))
    }

    @discardableResult
    mutating func redeem(_ points: Int64, at: Date, key: String) throws -> [LedgerEntry] {
        try apply(ledger.planRedemption(RedemptionRequest(points: points, at: at, key: IdempotencyKey(key))))
    }

    @discardableResult
    mutating func refund(_ id: String, order: String, amount: Int64, at: Date) throws -> [LedgerEntry] {
        try apply(
            ledger.planRefund(.refund(id: id, orderID: order, amount: Fixtures.usd(amount), at: at), policy: policy))
    }

    @discardableResult
    mutating func maintain(at: Date) throws -> [LedgerEntry] {
        try apply(ledger.planMaintenance(at: at))
    }

    /// Fails the test with the violations when the ledger is not sound.
    func expectSound(sourceLocation: SourceLocation = #_sourceLocation) {
        let violations = ledger.verify()
        #expect(violations.isEmpty, "\(violations)", sourceLocation: sourceLocation)
    }
}
