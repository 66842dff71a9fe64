import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct RedemptionTests {
    let start = Fixtures.utc(2025, 1, 1)

    @Test func redemptionConsumesSeveralLotsEarliestExpiryFirst() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 365))
        try harness.grant(100, at: start, token: "a")
        try harness.grant(50, at: Fixtures.days(10, after: start), token: "b")
        try harness.grant(80, at: Fixtures.days(20, after: start), token: "c")
        let lots = harness.ledger.lots.map(\.id)

        let redeemed = try harness.redeem(170, at: Fixtures.days(30, after: start), key: "redeem:1")

        #expect(redeemed.count == 1)
        #expect(redeemed[0].points == -170)
        #expect(
            redeemed[0].draws == [
                LotDraw(lot: lots[0], points: 100), LotDraw(lot: lots[1], points: 50),
                LotDraw(lot: lots[2], points: 20),
            ])
        #expect(harness.ledger.lots.map(\.remaining) == [0, 0, 60])
        #expect(harness.ledger.balance == 60)
        harness.expectSound()
    }

    @Test func aNewerLotThatExpiresSoonerIsSpentFirst() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 400))
        try harness.grant(100, at: start, token: "long-lived")
        harness.policy.pointsLifetimeDays = 30
        try harness.grant(40, at: Fixtures.days(5, after: start), token: "short-lived")
        let longLived = harness.ledger.lots[0].id
        let shortLived = harness.ledger.lots[1].id

        let redeemed = try harness.redeem(60, at: Fixtures.days(6, after: start), key: "redeem:1")

        #expect(redeemed[0].draws == [LotDraw(lot: shortLived, points: 40), LotDraw(lot: longLived, points: 20)])
    }

    @Test func equalExpiryIsConsumedInCreationOrder() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try harness.grant(10, at: start, token: "first")
        try harness.grant(10, at: Fixtures.days(0.25, after: start), token: "second")
        #expect(harness.ledger.lots[0].expiresAt == harness.ledger.lots[1].expiresAt)

        let redeemed = try harness.redeem(15, at: Fixtures.days(1, after: start), key: "redeem:1")

        #expect(redeemed[0].draws.map(\.lot) == harness.ledger.lots.map(\.id))
        #expect(redeemed[0].draws.map(\.points) == [10, 5])
    }

    @Test func moreThanTheBalanceIsRefusedWithTheAvailableAmount() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        try harness.grant(100, at: start, token: "a")

        #expect(throws: LedgerRefusal.insufficientBalance(available: 100, requested: 101)) {
            try harness.ledger.planRedemption(RedemptionRequest(points: 101, at: start, key: .api("k1")))
        }
        #expect(throws: LedgerRefusal.invalidAmount(0)) {
            try harness.ledger.planRedemption(RedemptionRequest(points: 0, at: start, key: .api("k2")))
        }
        #expect(harness.ledger.balance == 100)
    }

    @Test func expiredPointsCannotBeRedeemedEvenBeforeMaintenanceRuns() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 10))
        try harness.grant(100, at: start, token: "a")
        let later = Fixtures.days(20, after: start)

        #expect(harness.ledger.balance == 100)
        #expect(harness.ledger.spendableBalance(at: later) == 0)
        #expect(throws: LedgerRefusal.insufficientBalance(available: 0, requested: 1)) {
            try harness.ledger.planRedemption(RedemptionRequest(points: 1, at: later, key: .api("late")))
        }
    }

    @Test func pendingPointsCannotBeSpentUntilTheyUnlock() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 14))
        try harness.order("1001", total: 5_000, placedAt: start)

        #expect(harness.ledger.balance == 0)
        #expect(harness.ledger.pendingPoints == 50)
        #expect(harness.ledger.pending.first?.unlocksAt == Fixtures.days(14, after: start))
        #expect(throws: LedgerRefusal.self) {
            try harness.ledger.planRedemption(
                RedemptionRequest(points: 10, at: Fixtures.days(13, after: start), key: .api("early")))
        }

        let entries = try harness.redeem(10, at: Fixtures.days(14, after: start), key: "on-time")

        #expect(entries.map(\.kind) == [.earn, .redeem])
        #expect(entries[0].references == 1)
        #expect(harness.ledger.balance == 40)
        #expect(harness.ledger.pendingPoints == 0)
        harness.expectSound()
    }

    @Test func concurrentRedemptionsCannotBothSucceed() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        try harness.grant(100, at: start, token: "a")
        let snapshot = harness.ledger
        let first = try snapshot.planRedemption(RedemptionRequest(points: 80, at: start, key: .api("one")))
        let second = try snapshot.planRedemption(RedemptionRequest(points: 80, at: start, key: .api("two")))

        try harness.apply(first)

        #expect(throws: LedgerConflict(expectedSequence: 3, receivedSequence: 2)) {
            try harness.ledger.appending(second.newEntries)
        }
        #expect(throws: LedgerRefusal.insufficientBalance(available: 20, requested: 80)) {
            try harness.ledger.planRedemption(RedemptionRequest(points: 80, at: start, key: .api("two")))
        }
        #expect(harness.ledger.balance == 20)
    }
}
