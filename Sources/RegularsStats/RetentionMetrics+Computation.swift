import Foundation

extension RetentionMetrics {
    /// Computes the metrics for the period [start, end) from the orders placed from one activity window before
    /// `start` up to `end` (or the whole history). Who is new depends on orders before that: pass each customer's
    /// first counted order ever in `firstOrders` when `orders` does not reach back to it, or a customer returning
    /// after a long gap counts as new.
    public init(
        orders: [OrderRecord], periodStart start: Date, periodEnd end: Date,
        configuration: RetentionConfiguration = RetentionConfiguration(), firstOrders: [Int64: Date] = [:]
    ) {
        precondition(start <= end, "the period must not end before it starts")
        let window = configuration.activityWindow
        struct Customer {
            var firstOrder: Date
            var activeAtStart = false
            var activeAtEnd = false
            var ordersInPeriod = 0
            var revenueInPeriod: Int64 = 0
        }
        var customers: [Int64: Customer] = [:]
        var orderCount = 0
        var revenue: Int64 = 0
        for order in orders where order.counts {
            let date = order.placedAt
            var customer =
                customers[order.customerID] ?? Customer(firstOrder: firstOrders[order.customerID] ?? date)
            if date < customer.firstOrder { customer.firstOrder = date }
            if date >= start.addingTimeInterval(-window), date < start { customer.activeAtStart = true }
            if date >= end.addingTimeInterval(-window), date < end { customer.activeAtEnd = true }
            if date >= start, date < end {
                customer.ordersInPeriod += 1
                customer.revenueInPeriod += order.netAmountMinor
                orderCount += 1
                revenue += order.netAmountMinor
            }
            customers[order.customerID] = customer
        }
        var atStart = 0
        var atEnd = 0
        var new = 0
        var retained = 0
        var ordering = 0
        var repeaters = 0
        var repeatRevenue: Int64 = 0
        for customer in customers.values {
            if customer.activeAtStart { atStart += 1 }
            if customer.activeAtEnd { atEnd += 1 }
            if customer.activeAtStart, customer.activeAtEnd { retained += 1 }
            if customer.firstOrder >= start, customer.firstOrder < end { new += 1 }
            if customer.ordersInPeriod >= 1 { ordering += 1 }
            if customer.ordersInPeriod >= 2 {
                repeaters += 1
                repeatRevenue += customer.revenueInPeriod
            }
        }
        func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
            denominator > 0 ? numerator / denominator : nil
        }
        let churn = ratio(Double(atStart - retained), Double(atStart))
        let aov = orderCount > 0 ? MinorUnitRounding.divideHalfEven(revenue, by: Int64(orderCount)) : nil
        let frequency = ratio(Double(orderCount), Double(ordering))
        let lifespan = churn.flatMap { $0 > 0 ? 1 / $0 : nil }
        var clv: Int64? = nil
        if orderCount > 0, let lifespan {
            // AOV × frequency = revenue / ordering customers, taken unrounded.
            clv = MinorUnitRounding.roundHalfEven(Double(revenue) / Double(ordering) * lifespan)
        }
        var clvToCAC: Double? = nil
        if let clv, let cac = configuration.customerAcquisitionCostMinor, cac > 0 {
            clvToCAC = Double(clv) / Double(cac)
        }
        self.init(
            periodStart: start, periodEnd: end, customersAtStart: atStart, customersAtEnd: atEnd,
            newCustomers: new, retainedCustomers: retained,
            customerRetentionRatePercent: ratio(Double(atEnd - new) * 100, Double(atStart)),
            churnRatePercent: churn.map { $0 * 100 }, orders: orderCount, orderingCustomers: ordering,
            repeatCustomers: repeaters, repeatCustomerRate: ratio(Double(repeaters), Double(ordering)),
            netRevenueMinor: revenue, repeatCustomerRevenueMinor: repeatRevenue,
            repeatCustomerRevenueShare: ratio(Double(repeatRevenue), Double(revenue)),
            averageOrderValueMinor: aov, purchaseFrequency: frequency, customerLifespanPeriods: lifespan,
            simpleCustomerLifetimeValueMinor: clv, clvToCACRatio: clvToCAC)
    }
}
