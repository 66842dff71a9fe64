import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct ExactValueTests {
    @Test func divisionRoundsAsAsked() {
        #expect(ExactArithmetic.divide(7, by: 2, rounding: .down) == 3)
        #expect(ExactArithmetic.divide(7, by: 2, rounding: .up) == 4)
        #expect(ExactArithmetic.divide(-7, by: 2, rounding: .down) == -4)
        #expect(ExactArithmetic.divide(-7, by: 2, rounding: .up) == -3)
        #expect(ExactArithmetic.divide(5, by: 2, rounding: .halfEven) == 2)
        #expect(ExactArithmetic.divide(7, by: 2, rounding: .halfEven) == 4)
        #expect(ExactArithmetic.divide(-5, by: 2, rounding: .halfEven) == -2)
        #expect(ExactArithmetic.divide(8, by: 2, rounding: .up) == 4)
        #expect(ExactArithmetic.multiplyDivide(Int64.max, Int64.max, Int64.max, rounding: .down) == Int64.max)
    }

    @Test func multipliersAndPercentagesParseExactly() {
        #expect(Multiplier("1.5")?.tenThousandths == 15_000)
        #expect(Multiplier("2")?.description == "2")
        #expect(Multiplier("1.0625")?.description == "1.0625")
        #expect(Multiplier("-1") == nil)
        #expect(Multiplier("1.00001") == nil)
        #expect(Percentage("7.5")?.basisPoints == 750)
        #expect(Percentage("7.5")?.of(10_000) == 750)
        #expect(Percentage("12.25")?.description == "12.25")
        #expect(Percentage("0.001") == nil)
    }

    @Test func localDateArithmeticCrossesMonthsAndLeapDays() {
        #expect(LocalDate(year: 2024, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(year: 2025, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2025, month: 3, day: 1))
        #expect(
            LocalDate(year: 2025, month: 12, day: 31).adding(days: 365) == LocalDate(year: 2026, month: 12, day: 31))
        #expect(
            LocalDate(year: 2025, month: 1, day: 31).firstOfMonth(addingMonths: -1)
                == LocalDate(year: 2024, month: 12, day: 1))
    }

    @Test func theWholeProgramRoundTripsThroughJSON() throws {
        var earning = Fixtures.rules
        earning.actions = [ActionRule(action: .referral, points: 500, frequency: .oncePerSubject)]
        let program = LoyaltyProgram(
            earning: earning,
            ledger: LedgerPolicy(returnWindowDays: 30, pointsLifetimeDays: 365, shortfall: .negativeBalance),
            redemptionValue: RedemptionValue(minorUnits: 1, points: 1),
            tiers: TierProgram(
                metric: .pointsEarned, window: .rolling12Months,
                tiers: [Tier(id: "m", name: "Member", threshold: 0), Tier(id: "v", name: "VIP", threshold: 1_000)]),
            referrals: ReferralProgram(
                friendPoints: 250, fraud: ReferralFraudRules(cap: ReferralCap(maximum: 5, period: .calendarMonth)),
                commission: AffiliateCommissionRule(rate: Percentage("10")!, months: 12)))

        let decoded = try JSONDecoder().decode(LoyaltyProgram.self, from: JSONEncoder().encode(program))

        #expect(decoded == program)
        #expect(program.problems.isEmpty)
    }
}
