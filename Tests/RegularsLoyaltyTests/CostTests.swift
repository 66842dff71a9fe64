import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct CostTests {
    let start = Fixtures.utc(2025, 1, 10)

    @Test func redemptionValueIsAnExactRationalRoundedHalfToEven() {
        let halfCent = RedemptionValue(minorUnits: 1, points: 2)
        let dollarPerHundred = RedemptionValue(minorUnits: 100, points: 100)

        #expect(halfCent.value(ofPoints: 3) == 2)  // 1.5 → 2
        #expect(halfCent.value(ofPoints: 5) == 2)  // 2.5 → 2
        #expect(halfCent.value(ofPoints: 7) == 4)  // 3.5 → 4
        #expect(dollarPerHundred.value(ofPoints: 12_345) == 12_345)
        // (Int64.max / 2) × 3 overflows 64 bits; the product is taken in 128.
        #expect(RedemptionValue(minorUnits: 3, points: 7).value(ofPoints: Int64.max / 2) == 1_976_436_865_040_309_101)
    }

    @Test func liabilityIsGroupedByExpiryMonth() throws {
        var one = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try one.grant(100, at: start, token: "a")  // expires 2025-02-10
        try one.grant(40, at: Fixtures.utc(2025, 2, 5), token: "b")  // expires 2025-03-08
        var two = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 45))
        try two.grant(61, at: start, token: "a")  // expires 2025-02-25
        try two.redeem(10, at: start, key: "spend")
        two.policy.pointsLifetimeDays = nil
        try two.grant(9, at: start, token: "forever")
        two.policy.returnWindowDays = 30
        try two.order("1", total: 1_000, placedAt: start)

        let liability = PointsLiability(
            ledgers: [one.ledger, two.ledger], value: RedemptionValue(minorUnits: 1, points: 2), currency: Fixtures.usd,
            timeZone: Fixtures.utc, at: Fixtures.utc(2025, 2, 6))

        #expect(
            liability.byExpiryMonth.map(\.month) == [YearMonth(year: 2025, month: 2), YearMonth(year: 2025, month: 3)])
        #expect(liability.byExpiryMonth.map(\.points) == [151, 40])
        #expect(liability.byExpiryMonth.map(\.value) == [Fixtures.usd(76), Fixtures.usd(20)])
        #expect(liability.neverExpiring.points == 9)
        #expect(liability.pending.points == 10)
        #expect(liability.outstanding.points == 200)
        #expect(liability.outstanding.value == Fixtures.usd(100))
    }

    @Test func liabilityExcludesWhatHasExpiredByThen() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0, lifetime: 30))
        try harness.grant(100, at: start, token: "a")

        let liability = PointsLiability(
            ledgers: [harness.ledger], value: RedemptionValue(minorUnits: 1, points: 1), currency: Fixtures.usd,
            timeZone: Fixtures.utc, at: Fixtures.utc(2025, 3, 1))

        #expect(liability.outstanding.points == 0)
    }

    @Test func aDryRunReportsIssuedRedeemedOutstandingAndCost() throws {
        var rules = Fixtures.rules
        rules.actions = [ActionRule(action: .firstOrder, points: 50, frequency: .onceEver)]
        let orders = [
            HistoricalOrder(customerID: "a", order: Fixtures.order("1", total: 10_000, placedAt: start)),
            HistoricalOrder(
                customerID: "a", order: Fixtures.order("2", total: 5_000, placedAt: Fixtures.days(5, after: start)),
                refunded: 2_500),
            HistoricalOrder(
                customerID: "b", order: Fixtures.order("3", total: 20_000, placedAt: Fixtures.days(1, after: start)),
                isCancelled: true),
            HistoricalOrder(
                customerID: "b", order: Fixtures.order("4", total: 3_000, placedAt: Fixtures.days(9, after: start))),
        ]

        let report = try LoyaltyDryRun.run(
            orders: orders, rules: rules, redemptionRate: Percentage("40")!,
            redemptionValue: RedemptionValue(minorUnits: 1, points: 1))

        // Issued: 100 + 50 (first) + 50 + 200 + 30 + 50 (b's first non-cancelled) = 480; reversed 25 + 200 = 225.
        #expect(report.pointsIssued == 480)
        #expect(report.pointsReversed == 225)
        #expect(report.pointsRedeemed == 102)
        #expect(report.pointsOutstanding == 153)
        #expect(report.revenue == Fixtures.usd(15_500))
        #expect(report.redeemedValue == Fixtures.usd(102))
        #expect(report.outstandingLiability == Fixtures.usd(153))
        #expect(report.totalCost == Fixtures.usd(255))
        #expect(report.costShareOfRevenue == Percentage(basisPoints: 164))
        #expect(report.customers == 2 && report.orders == 4)
    }

    @Test func aDryRunAgreesWithTheLedger() throws {
        var generator = SeededGenerator(seed: 7)
        var orders: [HistoricalOrder] = []
        for index in 0..<300 {
            let total = generator.int(0...50_000)
            let refunded = generator.chance(30) ? generator.int(0...total) : 0
            orders.append(
                HistoricalOrder(
                    customerID: "c\(generator.int(0...20))",
                    order: Fixtures.order(
                        "\(index)", total: total, placedAt: Fixtures.days(Double(index), after: start)),
                    refunded: refunded, isCancelled: generator.chance(5)))
        }
        let policy = Fixtures.policy(window: 0, lifetime: nil)
        var ledgers: [String: Ledger] = [:]
        for historical in orders {
            var ledger = ledgers[historical.customerID] ?? Ledger()
            let earned = try Fixtures.rules.points(for: historical.order)
            let at = historical.order.placedAt
            ledger = try ledger.appending(
                ledger.planOrderPoints(earned, placedAt: at, policy: policy, at: at).newEntries)
            let refund =
                historical.isCancelled
                ? OrderRefund.cancellation(orderID: historical.order.orderID, currency: Fixtures.usd, at: at)
                : OrderRefund.refund(
                    id: "r\(historical.order.orderID)", orderID: historical.order.orderID,
                    amount: Fixtures.usd(historical.refunded), at: at)
            ledger = try ledger.appending(ledger.planRefund(refund, policy: policy).newEntries)
            ledgers[historical.customerID] = ledger
        }

        let report = try LoyaltyDryRun.run(
            orders: orders, rules: Fixtures.rules, redemptionValue: RedemptionValue(minorUnits: 1, points: 1))

        #expect(report.pointsOutstanding == ledgers.values.reduce(0) { $0 + $1.balance })
        #expect(ledgers.values.allSatisfy { $0.isConsistent })
    }
}
