import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct TierTests {
    private func program(window: TierWindow = .calendarYear, grace: Int = 30) -> TierProgram {
        TierProgram(
            metric: .spend, window: window, gracePeriodDays: grace, timeZone: .utc,
            tiers: [
                Tier(id: "member", name: "Member", threshold: 0),
                Tier(id: "silver", name: "Silver", threshold: 50_000, benefits: TierBenefits(freeShipping: true)),
                Tier(
                    id: "gold", name: "Gold", threshold: 100_000,
                    benefits: TierBenefits(
                        earningMultiplier: Multiplier("1.5")!, exclusiveRewards: ["gold-gift"], earlyAccess: true,
                        freeShipping: true)),
            ])
    }

    @Test func anUpgradeIsImmediate() {
        let activity = [
            TierActivity(at: Fixtures.utc(2025, 2, 1), amount: 30_000),
            TierActivity(at: Fixtures.utc(2025, 3, 1), amount: 30_000),
        ]

        let evaluation = program().evaluate(activity: activity, current: nil, at: Fixtures.utc(2025, 3, 1))

        #expect(evaluation.tier.id == "silver")
        #expect(
            evaluation.changes == [
                TierChange(
                    at: Fixtures.utc(2025, 3, 1), from: "member", to: "silver", direction: .upgrade,
                    qualifyingValue: 60_000)
            ])
        #expect(evaluation.status.nextReviewAt == Fixtures.utc(2026, 1, 1, 0))
    }

    @Test func aDowngradeWaitsForThePeriodEndAndTheGracePeriod() {
        let program = program()
        let activity = [TierActivity(at: Fixtures.utc(2025, 3, 1), amount: 60_000)]
        var status = program.evaluate(activity: activity, current: nil, at: Fixtures.utc(2025, 3, 1)).status

        // 2025's spend keeps Silver through 2026 even with nothing spent in 2026.
        for instant in [Fixtures.utc(2025, 12, 31), Fixtures.utc(2026, 1, 1), Fixtures.utc(2026, 12, 31)] {
            let evaluation = program.evaluate(activity: activity, current: status, at: instant)
            #expect(evaluation.tier.id == "silver" && evaluation.changes.isEmpty)
            status = evaluation.status
        }

        let inGrace = program.evaluate(activity: activity, current: status, at: Fixtures.utc(2027, 1, 15))

        #expect(inGrace.tier.id == "silver")
        #expect(inGrace.changes.isEmpty)
        #expect(
            inGrace.pendingDowngrade
                == PendingDowngrade(
                    at: Fixtures.utc(2027, 1, 31, 0), to: "member", reviewedAt: Fixtures.utc(2027, 1, 1, 0)))

        let afterGrace = program.evaluate(activity: activity, current: inGrace.status, at: Fixtures.utc(2027, 2, 1))

        #expect(afterGrace.tier.id == "member")
        #expect(
            afterGrace.changes == [
                TierChange(
                    at: Fixtures.utc(2027, 1, 31, 0), from: "silver", to: "member", direction: .downgrade,
                    qualifyingValue: 0)
            ])
        #expect(afterGrace.status.nextReviewAt == nil)
    }

    @Test func requalifyingDuringTheGracePeriodKeepsTheTier() {
        let program = program()
        let activity = [
            TierActivity(at: Fixtures.utc(2025, 3, 1), amount: 60_000),
            TierActivity(at: Fixtures.utc(2027, 1, 20), amount: 50_000),
        ]

        let evaluation = program.evaluate(activity: activity, current: nil, at: Fixtures.utc(2027, 6, 1))

        #expect(evaluation.tier.id == "silver")
        #expect(evaluation.changes.map(\.direction) == [.upgrade])
        #expect(evaluation.status.nextReviewAt == Fixtures.utc(2028, 1, 1, 0))
    }

    @Test func aDowngradeLandsOnTheTierTheCustomerStillEarns() {
        let activity = [
            TierActivity(at: Fixtures.utc(2025, 3, 1), amount: 120_000),
            TierActivity(at: Fixtures.utc(2026, 5, 1), amount: 70_000),
        ]

        let evaluation = program().evaluate(activity: activity, current: nil, at: Fixtures.utc(2028, 6, 1))

        #expect(evaluation.changes.map(\.to) == ["gold", "silver", "member"])
        #expect(
            evaluation.changes.map(\.at) == [
                Fixtures.utc(2025, 3, 1), Fixtures.utc(2027, 1, 31, 0), Fixtures.utc(2028, 1, 31, 0),
            ])
    }

    @Test func aRefundLowersTheValueButNotTheTierUntilTheReview() {
        let activity = [
            TierActivity(at: Fixtures.utc(2025, 3, 1), amount: 60_000),
            TierActivity(at: Fixtures.utc(2025, 3, 10), amount: -60_000),
        ]

        let evaluation = program().evaluate(activity: activity, current: nil, at: Fixtures.utc(2025, 12, 1))

        #expect(evaluation.tier.id == "silver")
        #expect(evaluation.qualifyingValue == 0)
        let atReview = program().evaluate(activity: activity, current: evaluation.status, at: Fixtures.utc(2026, 3, 1))
        #expect(atReview.tier.id == "member")
    }

    @Test func rollingTwelveMonthsReviewsTwelveMonthsAfterReachingTheTier() {
        let program = program(window: .rolling12Months, grace: 14)
        let activity = [TierActivity(at: Fixtures.utc(2025, 5, 10), amount: 60_000)]

        let held = program.evaluate(activity: activity, current: nil, at: Fixtures.utc(2026, 5, 9))
        let graced = program.evaluate(activity: activity, current: held.status, at: Fixtures.utc(2026, 5, 20))
        let dropped = program.evaluate(activity: activity, current: graced.status, at: Fixtures.utc(2026, 5, 25))

        #expect(held.tier.id == "silver")
        #expect(held.status.nextReviewAt == Fixtures.utc(2026, 5, 10))
        #expect(graced.tier.id == "silver" && graced.pendingDowngrade?.at == Fixtures.utc(2026, 5, 24))
        #expect(dropped.tier.id == "member")
        #expect(dropped.changes.map(\.at) == [Fixtures.utc(2026, 5, 24)])
    }

    @Test func evaluatingInStepsGivesTheSameTimelineAsEvaluatingOnce() {
        var generator = SeededGenerator(seed: 42)
        var directions: [TierChange.Direction] = []
        for run in 0..<40 {
            let program = program(window: run % 2 == 0 ? .calendarYear : .rolling12Months, grace: 20)
            let start = Fixtures.utc(2024, 1, 1)
            let activity = (0..<generator.int(3...15)).map { _ in
                TierActivity(
                    at: Fixtures.days(Double(generator.int(0...1_400)), after: start),
                    amount: generator.int(-10_000...70_000))
            }
            let end = Fixtures.days(1_500, after: start)
            let once = program.evaluate(activity: activity, current: nil, at: end)

            var status: TierStatus?
            var changes: [TierChange] = []
            var instant = start
            while instant < end {
                instant = min(end, Fixtures.days(Double(generator.int(1...45)), after: instant))
                let step = program.evaluate(activity: activity, current: status, at: instant)
                changes += step.changes
                status = step.status
            }

            #expect(changes == once.changes)
            #expect(status == once.status)
            directions += once.changes.map(\.direction)
            if program.window == .calendarYear {
                // Downgrades only ever take effect at a year end plus the 20-day grace period.
                let downgradeDays = once.changes.filter { $0.direction == .downgrade }.map {
                    LocalDate($0.at, in: Fixtures.utc)
                }
                #expect(downgradeDays.allSatisfy { $0.month == 1 && $0.day == 21 })
            }
        }

        #expect(directions.filter { $0 == .downgrade }.count > 10)
        #expect(directions.filter { $0 == .upgrade }.count > 10)
    }

    @Test func spendingPointsNeverCostsATier() throws {
        let program = TierProgram(
            metric: .pointsEarned, window: .calendarYear, gracePeriodDays: 30,
            tiers: [Tier(id: "member", name: "Member", threshold: 0), Tier(id: "vip", name: "VIP", threshold: 150)])
        var harness = LedgerHarness(policy: Fixtures.policy(window: 14))
        let start = Fixtures.utc(2025, 1, 1)
        try harness.order("1", total: 20_000, placedAt: start)

        let whilePending = program.evaluate(
            activity: TierActivity.pointsEarned(in: harness.ledger), current: nil, at: Fixtures.days(1, after: start))
        try harness.redeem(200, at: Fixtures.days(15, after: start), key: "spend-all")
        let afterSpending = program.evaluate(
            activity: TierActivity.pointsEarned(in: harness.ledger), current: nil, at: Fixtures.days(16, after: start))

        #expect(whilePending.tier.id == "member")
        #expect(harness.ledger.balance == 0)
        #expect(afterSpending.tier.id == "vip")
        #expect(afterSpending.qualifyingValue == 200)
    }

    @Test func aReversalCountsAgainstPointsEarned() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        let start = Fixtures.utc(2025, 1, 1)
        try harness.order("1", total: 20_000, placedAt: start)
        try harness.redeem(150, at: start, key: "spend")
        try harness.refund("r", order: "1", amount: 10_000, at: Fixtures.days(1, after: start))

        let activity = TierActivity.pointsEarned(in: harness.ledger)

        #expect(activity.map(\.amount) == [200, -100])
    }

    @Test func configurationProblemsAreReported() {
        var bad = program()
        bad.tiers[0].threshold = 10
        bad.tiers[2].threshold = 40_000

        #expect(program().problems.isEmpty)
        #expect(bad.problems.count == 2)
    }
}
