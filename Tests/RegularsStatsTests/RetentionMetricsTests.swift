import Foundation
import RegularsStats
import Testing

@Suite struct RetentionMetricsTests {
    static let start = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
    static func day(_ offset: Double) -> Date { start.addingTimeInterval(offset * 86_400) }

    /// Period = January 2024 (31 days), activity window 30 days.
    /// - 1: ordered before (day −10) and in the period (days 5, 20): active at start and end, repeat customer.
    /// - 2: ordered before (day −5) only: active at start, churned.
    /// - 3: new in the period (day 3), one order.
    /// - 4: new in the period (days 10, 25) — second order partly refunded; plus a cancelled order.
    /// - 5: ordered long ago (day −100) and again on day 28: reactivated, not active at start.
    /// - 6: only a fully refunded order in the period: does not count.
    static let orders: [OrderRecord] = [
        OrderRecord(customerID: 1, placedAt: day(-10), amountMinor: 1000),
        OrderRecord(customerID: 1, placedAt: day(5), amountMinor: 2000),
        OrderRecord(customerID: 1, placedAt: day(20), amountMinor: 2999),
        OrderRecord(customerID: 2, placedAt: day(-5), amountMinor: 500),
        OrderRecord(customerID: 3, placedAt: day(3), amountMinor: 1000),
        OrderRecord(customerID: 4, placedAt: day(10), amountMinor: 4000),
        OrderRecord(customerID: 4, placedAt: day(25), amountMinor: 3000, refundedMinor: 1000),
        OrderRecord(customerID: 4, placedAt: day(26), amountMinor: 9999, isCancelled: true),
        OrderRecord(customerID: 5, placedAt: day(-100), amountMinor: 700),
        OrderRecord(customerID: 5, placedAt: day(28), amountMinor: 1000),
        OrderRecord(customerID: 6, placedAt: day(12), amountMinor: 800, refundedMinor: 800),
    ]

    @Test func handComputedSmallCase() {
        let configuration = RetentionConfiguration(activityWindowDays: 30, customerAcquisitionCostMinor: 2000)

        let metrics = RetentionMetrics(
            orders: Self.orders, periodStart: Self.start, periodEnd: Self.day(31), configuration: configuration)

        #expect(metrics.customersAtStart == 2)  // 1, 2
        #expect(metrics.customersAtEnd == 4)  // 1, 3, 4, 5 (ordered in days 1…30)
        #expect(metrics.newCustomers == 2)  // 3, 4
        #expect(metrics.retainedCustomers == 1)  // 1
        #expect(metrics.customerRetentionRatePercent == 100)  // (4 − 2) / 2
        #expect(metrics.churnRatePercent == 50)  // 2 lost of 2
        #expect(metrics.orders == 6)  // 1×2, 3, 4×2, 5
        #expect(metrics.orderingCustomers == 4)
        #expect(metrics.repeatCustomers == 2)  // 1, 4
        #expect(metrics.repeatCustomerRate == 0.5)
        #expect(metrics.netRevenueMinor == 12_999)  // 2000 + 2999 + 1000 + 4000 + 2000 + 1000
        #expect(metrics.repeatCustomerRevenueMinor == 10_999)
        #expect(metrics.repeatCustomerRevenueShare == 10_999.0 / 12_999)
        #expect(metrics.averageOrderValueMinor == 2166)  // 12999 / 6 = 2166.5 → half-even 2166
        #expect(metrics.purchaseFrequency == 1.5)
        #expect(metrics.customerLifespanPeriods == 2)  // 1 / 0.5
        #expect(metrics.simpleCustomerLifetimeValueMinor == 6500)  // 12999 / 4 × 2 = 6499.5 → half-even 6500
        #expect(metrics.clvToCACRatio == 3.25)
    }

    @Test func emptyPeriodHasNoRatios() {
        let later = Self.day(400)

        let metrics = RetentionMetrics(
            orders: Self.orders, periodStart: later, periodEnd: later.addingTimeInterval(86_400))

        #expect(metrics.customersAtStart == 0)
        #expect(metrics.customerRetentionRatePercent == nil)
        #expect(metrics.averageOrderValueMinor == nil)
        #expect(metrics.repeatCustomerRate == nil)
        #expect(metrics.simpleCustomerLifetimeValueMinor == nil)
    }

    @Test func orderCountingRules() {
        let partlyRefunded = OrderRecord(customerID: 1, placedAt: Self.start, amountMinor: 1000, refundedMinor: 300)
        let fullyRefunded = OrderRecord(customerID: 1, placedAt: Self.start, amountMinor: 1000, refundedMinor: 1000)
        let free = OrderRecord(customerID: 1, placedAt: Self.start, amountMinor: 0)
        let cancelled = OrderRecord(customerID: 1, placedAt: Self.start, amountMinor: 1000, isCancelled: true)

        let counted = [partlyRefunded, fullyRefunded, free, cancelled].map(\.counts)
        let net = [partlyRefunded, fullyRefunded, free, cancelled].map(\.netAmountMinor)

        #expect(counted == [true, false, true, false])
        #expect(net == [700, 0, 0, 0])
    }
}
