import RegularsCore

/// Applies a rule set to historical orders, without a ledger, to show what it would have issued and cost.
public enum LoyaltyDryRun: Sendable {
    /// Each order earns `rules.points(for:)` (no tier multiplier); a customer's first non-cancelled order (by
    /// placement, ties by order id) also earns the first-order action when configured. Refunds take back
    /// ⌈E × refunded / total⌉ of each credit and cancellations all of it — the ledger's rule. With a redemption rate,
    /// that share of the net points is counted as redeemed (rounded down). Values use `redemptionValue`.
    public static func run(
        orders: [HistoricalOrder], rules: EarningRules, redemptionRate: Percentage? = nil,
        redemptionValue: RedemptionValue
    ) throws(EarningError) -> DryRunReport {
        let currency = rules.currency
        let firstOrderBonus = rules.rule(for: .firstOrder)?.points ?? 0
        var firstOrders: [String: HistoricalOrder] = [:]
        for order in orders where !order.isCancelled {
            if let best = firstOrders[order.customerID],
                (best.order.placedAt, best.order.orderID) <= (order.order.placedAt, order.order.orderID)
            {
                continue
            }
            firstOrders[order.customerID] = order
        }
        var issued: Int64 = 0
        var reversed: Int64 = 0
        var revenue: Int64 = 0
        for historical in orders {
            let earned = try rules.points(for: historical.order)
            var credits = [earned.points]
            if firstOrderBonus > 0, firstOrders[historical.customerID]?.order.orderID == historical.order.orderID {
                credits.append(firstOrderBonus)
            }
            let total = earned.orderValue.minorUnits
            let refunded = min(max(0, historical.refunded), max(0, total))
            if !historical.isCancelled { revenue += total - refunded }
            for points in credits where points > 0 {
                issued += points
                if historical.isCancelled {
                    reversed += points
                } else if total > 0 {
                    reversed += ExactArithmetic.multiplyDivide(points, refunded, total, rounding: .up)
                }
            }
        }
        let net = issued - reversed
        let redeemed = redemptionRate.map { $0.of(net) } ?? 0
        let outstanding = net - redeemed
        let redeemedValue = redemptionValue.value(ofPoints: redeemed)
        let liability = redemptionValue.value(ofPoints: outstanding)
        let cost = redeemedValue + liability
        return DryRunReport(
            orders: orders.count, customers: Set(orders.map(\.customerID)).count,
            revenue: Money(minorUnits: revenue, currency: currency), pointsIssued: issued, pointsReversed: reversed,
            pointsRedeemed: redeemed, pointsOutstanding: outstanding,
            redeemedValue: Money(minorUnits: redeemedValue, currency: currency),
            outstandingLiability: Money(minorUnits: liability, currency: currency),
            totalCost: Money(minorUnits: cost, currency: currency),
            costShareOfRevenue: revenue > 0
                ? Percentage(
                    basisPoints: max(
                        0, ExactArithmetic.multiplyDivide(cost, Percentage.whole, revenue, rounding: .down)))
                : nil)
    }
}
