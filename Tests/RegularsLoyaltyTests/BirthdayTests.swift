import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct BirthdayTests {
    let newYork = TimeZone(identifier: "America/New_York")!
    let sydney = TimeZone(identifier: "Australia/Sydney")!

    private func birthday(_ month: Int, _ day: Int) -> Birthday { Birthday(month: month, day: day)! }

    @Test func aLeapDayBirthdayIsCelebratedOnFebruary28InCommonYears() {
        let leapling = birthday(2, 29)

        #expect(BirthdayReward.isCelebrated(leapling, at: Fixtures.utc(2024, 2, 29), in: Fixtures.utc))
        #expect(!BirthdayReward.isCelebrated(leapling, at: Fixtures.utc(2024, 2, 28), in: Fixtures.utc))
        #expect(BirthdayReward.isCelebrated(leapling, at: Fixtures.utc(2025, 2, 28), in: Fixtures.utc))
        #expect(!BirthdayReward.isCelebrated(leapling, at: Fixtures.utc(2025, 3, 1), in: Fixtures.utc))
        #expect(!BirthdayReward.isCelebrated(leapling, at: Fixtures.utc(2028, 2, 28), in: Fixtures.utc))
        #expect(BirthdayReward.isCelebrated(leapling, at: Fixtures.utc(2100, 2, 28), in: Fixtures.utc))
    }

    @Test func theDayIsTheShopperLocalDayAcrossTheSpringForwardInNewYork() {
        // 2025-03-09: clocks go from 02:00 EST to 03:00 EDT, so the day lasts 23 hours, 05:00Z to 04:00Z.
        let shopper = birthday(3, 9)

        let interval = BirthdayReward.celebrationInterval(of: shopper, year: 2025, in: newYork)

        #expect(interval.start == Fixtures.utc(2025, 3, 9, 5, 0))
        #expect(interval.end == Fixtures.utc(2025, 3, 10, 4, 0))
        #expect(interval.duration == 23 * 3_600)
        #expect(!BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 3, 9, 4, 59), in: newYork))
        #expect(BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 3, 9, 5, 0), in: newYork))
        #expect(BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 3, 10, 3, 59), in: newYork))
        #expect(!BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 3, 10, 4, 0), in: newYork))
    }

    @Test func theDayIsTheShopperLocalDayAcrossTheSpringForwardInSydney() {
        // 2025-10-05: clocks go from 02:00 AEST to 03:00 AEDT; the local day runs 14:00Z (Oct 4) to 13:00Z.
        let shopper = birthday(10, 5)

        let interval = BirthdayReward.celebrationInterval(of: shopper, year: 2025, in: sydney)

        #expect(interval.start == Fixtures.utc(2025, 10, 4, 14, 0))
        #expect(interval.end == Fixtures.utc(2025, 10, 5, 13, 0))
        #expect(!BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 10, 4, 13, 59), in: sydney))
        #expect(BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 10, 4, 14, 0), in: sydney))
        #expect(BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 10, 5, 12, 59), in: sydney))
        #expect(!BirthdayReward.isCelebrated(shopper, at: Fixtures.utc(2025, 10, 5, 13, 0), in: sydney))
    }

    @Test func aFallBackDayLastsTwentyFiveHours() {
        // 2025-04-06 in Sydney: 03:00 AEDT back to 02:00 AEST.
        let interval = BirthdayReward.celebrationInterval(of: birthday(4, 6), year: 2025, in: sydney)

        #expect(interval.duration == 25 * 3_600)
    }

    @Test(arguments: [("America/New_York", 3, 9), ("Australia/Sydney", 10, 5), ("UTC", 2, 29)])
    func anHourlyJobRewardsExactlyOnceAYear(zone: String, month: Int, day: Int) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let shopper = birthday(month, day)
        var harness = LedgerHarness(policy: Fixtures.policy(lifetime: nil))
        harness.rules.actions = [ActionRule(action: .birthday, points: 500, frequency: .oncePerYear)]
        var refusals = 0

        for year in [2027, 2028] {
            let around = birthday(month, day).celebration(in: year).startOfDay(in: timeZone)
            for hour in -36...36 {
                let instant = around.addingTimeInterval(Double(hour) * 3_600)
                do {
                    try harness.apply(
                        harness.ledger.planAction(
                            .birthday(shopper, customerTimeZone: timeZone, at: instant), rules: harness.rules,
                            policy: harness.policy))
                } catch is ActionRefusal {
                    refusals += 1
                }
            }
        }

        #expect(harness.ledger.entries.map(\.key) == [.birthday(year: 2027), .birthday(year: 2028)])
        #expect(harness.ledger.balance == 1_000)
        #expect(BirthdayReward.hasBeenRewarded(in: harness.ledger, year: 2028))
        #expect(!BirthdayReward.hasBeenRewarded(in: harness.ledger, year: 2029))
        #expect(refusals > 0)
    }

    @Test func aBirthdayRewardNeedsTheBirthdayAndTheRightDay() {
        var rules = Fixtures.rules
        rules.actions = [ActionRule(action: .birthday, points: 500, frequency: .oncePerYear)]
        let ledger = Ledger()

        #expect(throws: ActionRefusal.missingBirthday) {
            try ledger.planAction(
                ActionEvent(action: .birthday, at: Fixtures.utc(2025, 1, 1)), rules: rules, policy: Fixtures.policy())
        }
        #expect(
            throws: ActionRefusal.notBirthday(
                today: LocalDate(year: 2025, month: 1, day: 1), celebration: LocalDate(year: 2025, month: 2, day: 28))
        ) {
            try ledger.planAction(
                .birthday(birthday(2, 29), customerTimeZone: Fixtures.utc, at: Fixtures.utc(2025, 1, 1)), rules: rules,
                policy: Fixtures.policy())
        }
    }
}
