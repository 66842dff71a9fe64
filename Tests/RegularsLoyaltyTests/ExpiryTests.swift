import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct ExpiryTests {
    let start = Fixtures.utc(2025, 1, 1)

    @Test func lotsExpireOneByOneOldestFirstNeverAllAtOnce() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try harness.grant(100, at: start, token: "a")
        try harness.grant(50, at: Fixtures.days(10, after: start), token: "b")
        try harness.grant(25, at: Fixtures.days(20, after: start), token: "c")

        let firstWave = try harness.maintain(at: Fixtures.days(41, after: start))

        #expect(firstWave.map(\.kind) == [.expire, .expire])
        #expect(firstWave.map(\.points) == [-100, -50])
        #expect(harness.ledger.balance == 25)

        let secondWave = try harness.maintain(at: Fixtures.days(52, after: start))

        #expect(secondWave.map(\.points) == [-25])
        #expect(harness.ledger.balance == 0)
        harness.expectSound()
    }

    @Test func expiryRemovesOnlyWhatIsLeftOfALot() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try harness.grant(100, at: start, token: "a")
        try harness.redeem(70, at: Fixtures.days(5, after: start), key: "spend")

        let expired = try harness.maintain(at: Fixtures.days(40, after: start))

        #expect(expired.count == 1)
        #expect(expired[0].points == -30)
        #expect(expired[0].draws == [LotDraw(lot: harness.ledger.lots[0].id, points: 30)])
        #expect(harness.ledger.lots[0].expired == 30)
        #expect(harness.ledger.lots[0].redeemed == 70)
        harness.expectSound()
    }

    @Test func pointsExpireAtTheEndOfTheLocalDayTheLifetimeEnds() throws {
        let zone = LoyaltyTimeZone("America/New_York")!
        let policy = LedgerPolicy(returnWindowDays: 0, pointsLifetimeDays: 30, timeZone: zone)
        var harness = LedgerHarness(policy: policy)
        let availableAt = Fixtures.utc(2025, 2, 20, 3)  // 22:00 on Feb 19 in New York
        try harness.grant(10, at: availableAt, token: "a")

        let lot = harness.ledger.lots[0]

        // Feb 19 + 30 days = Mar 21, valid through that local day, in EDT (UTC−4) after the DST change.
        #expect(lot.expiresAt == Fixtures.utc(2025, 3, 22, 4, 0))
        #expect(try harness.maintain(at: Fixtures.utc(2025, 3, 22, 3, 59)).isEmpty)
        #expect(try harness.maintain(at: Fixtures.utc(2025, 3, 22, 4, 0)).map(\.points) == [-10])
    }

    @Test func theNextMaintenanceInstantIsTheEarliestUnlockOrExpiry() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        #expect(harness.ledger.nextMaintenanceAt == nil)
        try harness.grant(10, at: start, token: "a")
        let expiry = harness.ledger.lots[0].expiresAt
        harness.policy.returnWindowDays = 3
        try harness.order("1", total: 1_000, placedAt: start)

        #expect(harness.ledger.nextMaintenanceAt == Fixtures.days(3, after: start))
        try harness.maintain(at: Fixtures.days(3, after: start))
        #expect(harness.ledger.nextMaintenanceAt == expiry)
    }

    @Test func maintenanceIsIdempotent() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 10))
        try harness.grant(100, at: start, token: "a")
        let later = Fixtures.days(20, after: start)

        let first = try harness.maintain(at: later)
        let again = harness.ledger.planMaintenance(at: later)

        #expect(first.count == 1)
        #expect(again == .append([]))
        #expect(harness.ledger.contains(key: .expiry(ofLot: 1)))
    }

    @Test func scheduleGroupsOutstandingPointsByExpiryDate() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try harness.grant(100, at: start, token: "a")
        try harness.grant(20, at: Fixtures.days(0.1, after: start), token: "b")
        try harness.grant(50, at: Fixtures.days(3, after: start), token: "c")
        try harness.redeem(30, at: Fixtures.days(4, after: start), key: "spend")
        harness.policy.pointsLifetimeDays = nil
        try harness.grant(7, at: Fixtures.days(4, after: start), token: "forever")

        let schedule = harness.ledger.expirySchedule(in: Fixtures.utc)

        #expect(
            schedule.map(\.date) == [LocalDate(year: 2025, month: 2, day: 1), LocalDate(year: 2025, month: 2, day: 4)])
        #expect(schedule.map(\.points) == [90, 50])
        #expect(schedule[0].lots == [1, 2])
        #expect(harness.ledger.balance == 147)
    }
}
