import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct RefundTests {
    let start = Fixtures.utc(2025, 1, 1)

    @Test func buyThenRefundInsideTheWindowLeavesZeroPoints() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 30))
        try harness.order("1001", total: 5_000, placedAt: start)

        let voided = try harness.refund("r-1", order: "1001", amount: 5_000, at: Fixtures.days(3, after: start))
        let afterWindow = try harness.maintain(at: Fixtures.days(60, after: start))

        #expect(voided.count == 1)
        #expect(voided[0].status == .void && voided[0].kind == .reverse && voided[0].points == -50)
        #expect(afterWindow.isEmpty)
        #expect(harness.ledger.balance == 0)
        #expect(harness.ledger.pendingPoints == 0)
        #expect(TierActivity.pointsEarned(in: harness.ledger).isEmpty)
        harness.expectSound()
    }

    @Test func aCancellationInsideTheWindowVoidsEverything() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 30))
        try harness.order("1001", total: 5_000, placedAt: start)

        let plan = try harness.ledger.planRefund(
            .cancellation(orderID: "1001", currency: Fixtures.usd, at: Fixtures.days(1, after: start)),
            policy: harness.policy)
        try harness.apply(plan)

        #expect(plan.newEntries.map(\.points) == [-50])
        #expect(plan.newEntries.first?.key == .cancellation(ofOrder: "1001"))
        #expect(harness.ledger.spendableBalance(at: Fixtures.days(90, after: start)) == 0)
    }

    @Test func aPartialRefundInsideTheWindowVoidsItsShareAndReleasesTheRest() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 30))
        try harness.order("1001", total: 10_000, placedAt: start)

        try harness.refund("r-1", order: "1001", amount: 4_000, at: Fixtures.days(2, after: start))
        let released = try harness.maintain(at: Fixtures.days(30, after: start))

        #expect(released.map(\.points) == [60])
        #expect(harness.ledger.balance == 60)
        harness.expectSound()
    }

    @Test func aPartialRefundAfterTheWindowReversesInProportion() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 30))
        try harness.order("1001", total: 10_000, placedAt: start)
        try harness.maintain(at: Fixtures.days(31, after: start))

        let reversed = try harness.refund("r-1", order: "1001", amount: 2_500, at: Fixtures.days(40, after: start))

        #expect(reversed.count == 1)
        #expect(reversed[0].kind == .reverse && reversed[0].status == .available)
        #expect(reversed[0].points == -25)
        #expect(reversed[0].draws == [LotDraw(lot: 2, points: 25)])
        #expect(harness.ledger.balance == 75)
        harness.expectSound()
    }

    @Test func theShopperKeepsWhatTheKeptValueEarnsRoundedDown() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        try harness.order("1", total: 1_000, placedAt: start)  // 10 points

        let first = try harness.refund("r-1", order: "1", amount: 333, at: start)
        let second = try harness.refund("r-2", order: "1", amount: 333, at: start)
        let third = try harness.refund("r-3", order: "1", amount: 334, at: start)

        // Kept after each refund: ⌊10 × 667/1000⌋ = 6, ⌊10 × 334/1000⌋ = 3, 0.
        #expect([first, second, third].map { $0[0].points } == [-4, -3, -3])
        #expect(harness.ledger.balance == 0)
        #expect(third[0].refundedTotal == 1_000)
    }

    @Test func successivePartialRefundsEqualOneRefundOfTheirSum() throws {
        var split = LedgerHarness(policy: Fixtures.policy(window: 0))
        var single = LedgerHarness(policy: Fixtures.policy(window: 0))
        try split.order("1", total: 9_999, placedAt: start)
        try single.order("1", total: 9_999, placedAt: start)

        for (index, amount) in [1_234, 1, 2_222, 17].enumerated() {
            try split.refund("r-\(index)", order: "1", amount: Int64(amount), at: start)
        }
        try single.refund("r-all", order: "1", amount: 3_474, at: start)

        #expect(split.ledger.balance == single.ledger.balance)
        #expect(single.ledger.balance == 99 - (99 * 3_474 + 9_998) / 9_999)
    }

    @Test func redeemThenRefundWithTheDebtPolicyLeavesOtherPointsAloneAndWithholdsFromFutureEarnings() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, shortfall: .debtFromFutureEarnings))
        try harness.order("1", total: 10_000, placedAt: start)  // 100 points, lot 1
        try harness.redeem(80, at: Fixtures.days(1, after: start), key: "spend")
        try harness.grant(40, at: Fixtures.days(2, after: start), token: "goodwill")
        harness.policy.shortfall = .debtFromFutureEarnings

        let reversal = try harness.refund("r-1", order: "1", amount: 10_000, at: Fixtures.days(3, after: start))

        #expect(reversal[0].points == -20)
        #expect(reversal[0].draws == [LotDraw(lot: 1, points: 20)])
        #expect(reversal[0].shortfall == LedgerShortfall(points: 80, treatment: .debtFromFutureEarnings))
        #expect(harness.ledger.balance == 40)
        #expect(harness.ledger.debt == 40 + 40)
        harness.expectSound()

        let nextOrder = try harness.order("2", total: 5_000, placedAt: Fixtures.days(4, after: start))

        #expect(nextOrder[0].points == 0 && nextOrder[0].settledDebt == 50)
        #expect(harness.ledger.debt == 30)

        let thirdOrder = try harness.order("3", total: 10_000, placedAt: Fixtures.days(5, after: start))

        #expect(thirdOrder[0].points == 70 && thirdOrder[0].settledDebt == 30)
        #expect(harness.ledger.debt == 0)
        #expect(harness.ledger.balance == 110)
        harness.expectSound()
    }

    @Test func redeemThenRefundWithTheNegativeBalancePolicyGoesBelowZeroUntilEarnedBack() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, shortfall: .negativeBalance))
        try harness.order("1", total: 10_000, placedAt: start)
        try harness.redeem(100, at: Fixtures.days(1, after: start), key: "spend")

        let reversal = try harness.refund("r-1", order: "1", amount: 6_000, at: Fixtures.days(2, after: start))

        #expect(reversal[0].points == -60)
        #expect(reversal[0].draws.isEmpty)
        #expect(reversal[0].shortfall == LedgerShortfall(points: 60, treatment: .negativeBalance))
        #expect(harness.ledger.balance == -60)
        #expect(throws: LedgerRefusal.insufficientBalance(available: 0, requested: 1)) {
            try harness.ledger.planRedemption(
                RedemptionRequest(points: 1, at: Fixtures.days(2, after: start), key: .api("x")))
        }
        harness.expectSound()

        let earned = try harness.order("2", total: 10_000, placedAt: Fixtures.days(3, after: start))

        #expect(earned[0].points == 100 && earned[0].settledOverdraft == 60)
        #expect(harness.ledger.lot(earned[0].sequence)?.amount == 40)
        #expect(harness.ledger.balance == 40)
        #expect(harness.ledger.overdraft == 0)
        harness.expectSound()
    }

    @Test func theNegativeBalancePolicyFirstTakesTheShopperOtherPoints() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30, shortfall: .negativeBalance))
        try harness.order("1", total: 10_000, placedAt: start)
        harness.policy.pointsLifetimeDays = nil
        try harness.grant(50, at: start, token: "never-expires")
        try harness.redeem(100, at: start, key: "spend")  // the order's lot expires first, so it is spent first

        let reversal = try harness.refund("r-1", order: "1", amount: 10_000, at: Fixtures.days(1, after: start))

        #expect(reversal[0].draws == [LotDraw(lot: 2, points: 50)])
        #expect(reversal[0].shortfall == LedgerShortfall(points: 50, treatment: .negativeBalance))
        #expect(harness.ledger.balance == -50)
        #expect(harness.ledger.pointsInLots == 0)
        harness.expectSound()
    }

    @Test func pointsThatAlreadyExpiredAreNotTakenAgain() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 10))
        try harness.order("1", total: 10_000, placedAt: start)
        try harness.maintain(at: Fixtures.days(20, after: start))

        let reversal = try harness.refund("r-1", order: "1", amount: 10_000, at: Fixtures.days(21, after: start))

        #expect(reversal.map(\.points) == [0])
        #expect(reversal[0].shortfall == nil)
        #expect(harness.ledger.debt == 0)
        #expect(reversal[0].historyText(in: Fixtures.utc) == "Refund of 100.00 USD on order 1: no points to take back.")
    }

    @Test func theFirstOrderBonusFollowsItsOrder() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 30))
        harness.rules.actions = [ActionRule(action: .firstOrder, points: 200, frequency: .onceEver)]
        let order = Fixtures.order("1", total: 10_000, placedAt: start)
        try harness.order("1", total: 10_000, placedAt: start)
        try harness.apply(
            harness.ledger.planAction(.firstOrder(order, at: start), rules: harness.rules, policy: harness.policy))

        let refund = try harness.refund("r-1", order: "1", amount: 10_000, at: Fixtures.days(1, after: start))

        #expect(refund.map(\.points) == [-100, -200])
        #expect(refund.map(\.part) == [0, 1])
        #expect(harness.ledger.spendableBalance(at: Fixtures.days(60, after: start)) == 0)
        harness.expectSound()
    }

    @Test func refundsOfUnknownOrdersPlanNothingAndOtherCurrenciesAreRefused() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        try harness.order("1", total: 10_000, placedAt: start)
        let eur = try #require(CurrencyCode("EUR"))

        let unknown = try harness.ledger.planRefund(
            .refund(id: "r", orderID: "404", amount: Fixtures.usd(100), at: start), policy: harness.policy)

        #expect(unknown == .append([]))
        #expect(throws: LedgerRefusal.currencyMismatch(expected: Fixtures.usd, received: eur)) {
            try harness.ledger.planRefund(
                .refund(id: "r", orderID: "1", amount: Money(minorUnits: 100, currency: eur), at: start),
                policy: harness.policy)
        }
    }

    @Test func theHistoryExplainsEachCase() throws {
        var debt = LedgerHarness(policy: Fixtures.policy(window: 0, shortfall: .debtFromFutureEarnings))
        try debt.order("1001", total: 10_000, placedAt: start)
        try debt.redeem(90, at: start, key: "spend")
        let debtEntry = try debt.refund("r-1", order: "1001", amount: 5_000, at: start)[0]
        let repaid = try debt.order("1002", total: 10_000, placedAt: start)[0]
        var pending = LedgerHarness(policy: Fixtures.policy(window: 30))
        try pending.order("2001", total: 10_000, placedAt: start)
        let voidEntry = try pending.refund("r-2", order: "2001", amount: 10_000, at: start)[0]

        #expect(
            debtEntry.historyText(in: Fixtures.utc)
                == "Refund of 50.00 USD on order 1001: 50 points taken back; 40 points of them had already been spent"
                + " and will be deducted from the next points you earn.")
        #expect(
            repaid.historyText(in: Fixtures.utc)
                == "+60 points for order 1002; 40 points of them repaid points owed from an earlier refund.")
        #expect(
            voidEntry.historyText(in: Fixtures.utc)
                == "Refund of 100.00 USD on order 2001 before its points became available: 100 points pending cancelled."
        )
    }
}
