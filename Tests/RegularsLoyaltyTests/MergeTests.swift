import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct MergeTests {
    let start = Fixtures.utc(2025, 1, 1)

    @Test func aMergedLedgerKeepsBothHistoriesLotsAndExpiries() throws {
        // Setup: the survivor earned and spent; the other account holds a pending order, a partly spent lot and an
        // expired one.
        var survivor = LedgerHarness(policy: Fixtures.policy(window: 14, lifetime: 30))
        try survivor.grant(100, at: start, token: "s1")
        try survivor.redeem(40, at: Fixtures.days(1, after: start), key: "spend-s")
        var other = LedgerHarness(policy: Fixtures.policy(window: 14, lifetime: 30))
        try other.grant(80, at: start, token: "o1")
        try other.grant(20, at: Fixtures.days(2, after: start), token: "o2")
        try other.redeem(30, at: Fixtures.days(3, after: start), key: "spend-o")
        try other.maintain(at: Fixtures.days(31, after: start))
        try other.order("A-1", total: 5_000, placedAt: Fixtures.days(31, after: start))

        // Action
        let moved = try survivor.ledger.absorbing(other.ledger, mergedCustomer: "42")
        survivor.ledger = try survivor.ledger.appending(moved)

        // Check: every entry carried over, renumbered; balances and pending add up; the ledger stays sound and the
        // moved pending order points still unlock, from the survivor's ledger.
        survivor.expectSound()
        #expect(moved.count == other.ledger.entries.count)
        #expect(moved.first?.sequence == 3)
        #expect(survivor.ledger.balance == 60 + other.ledger.balance)
        #expect(survivor.ledger.pendingPoints == other.ledger.pendingPoints)
        #expect(other.ledger.openLots.count == 1)
        #expect(survivor.ledger.openLots.map(\.expiresAt).contains(other.ledger.openLots[0].expiresAt))
        let released = try survivor.maintain(at: Fixtures.days(48, after: start))
        #expect(released.contains { $0.key.value.hasPrefix("release:") })
        survivor.expectSound()
    }

    @Test func sequenceKeysShiftAndSharedKeysStayApart() throws {
        // Setup: both accounts ran a lot's expiry (key expire:1) and the same adjustment token.
        var survivor = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try survivor.grant(10, at: start, token: "same")
        try survivor.maintain(at: Fixtures.days(31, after: start))
        var other = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try other.grant(25, at: start, token: "same")
        try other.maintain(at: Fixtures.days(31, after: start))
        try other.grant(5, at: Fixtures.days(32, after: start), token: "later")

        // Action
        let moved = try survivor.ledger.absorbing(other.ledger, mergedCustomer: "7")

        // Check: expire:1 became expire:3 (its lot's new number), the shared token is kept apart, the rest unchanged.
        #expect(moved.map(\.key.value) == ["merged:7:adjust:same", "expire:3", "adjust:later"])
        #expect(moved[1].draws == [LotDraw(lot: 3, points: 25)])
        #expect(try survivor.ledger.appending(moved).isConsistent)
    }

    @Test func anOverdrawnAccountAndOneWithPointsAreNotCombinedAutomatically() throws {
        // Setup: the survivor spent points an order refund then took back (overdrawn); the other holds points.
        var survivor = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 365, shortfall: .negativeBalance))
        try survivor.order("A-1", total: 10_000, placedAt: start)
        try survivor.redeem(survivor.ledger.balance, at: Fixtures.days(1, after: start), key: "all")
        try survivor.refund("R-1", order: "A-1", amount: 10_000, at: Fixtures.days(2, after: start))
        var other = LedgerHarness()
        try other.grant(50, at: start, token: "o")

        // Action / Check
        #expect(survivor.ledger.overdraft > 0)
        #expect(throws: LedgerMergeRefusal.self) {
            try survivor.ledger.absorbing(other.ledger, mergedCustomer: "9")
        }
    }
}
