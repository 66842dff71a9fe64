import Foundation
import RegularsCore

extension AffiliateCommissionRule {
    /// The commission to date for `orders` of the `customers` an affiliate referred, in `currency`.
    ///
    /// An order counts when its customer was referred and it was placed in [referredAt, referredAt + months) — the
    /// end is the same local wall-clock time `months` calendar months later in the store's time zone. Orders with a
    /// net value of 0 or less (fully refunded) add nothing. The commission is ⌊Σ net × rate⌋, exact in integers,
    /// rounded down once on the total. Pay out `commission − already paid`: computing to date rather than per
    /// statement makes later refunds reduce the next payout exactly.
    public func commission(
        customers: [ReferredCustomer], orders: [ReferredOrder], currency: CurrencyCode
    ) throws(EarningError) -> AffiliateCommission {
        var referredAt: [String: Date] = [:]
        for customer in customers {
            referredAt[customer.customerID] = min(
                referredAt[customer.customerID] ?? .distantFuture, customer.referredAt)
        }
        let calendar = timeZone.calendar
        var eligible: [ReferredOrder] = []
        var net: Int64 = 0
        for order in orders {
            guard order.netValue.currency == currency else {
                throw .currencyMismatch(expected: currency, received: order.netValue.currency)
            }
            guard let start = referredAt[order.customerID], order.netValue.minorUnits > 0 else { continue }
            let end = calendar.adding(months: max(0, months), to: start)
            guard order.placedAt >= start, order.placedAt < end else { continue }
            eligible.append(order)
            net += order.netValue.minorUnits
        }
        return AffiliateCommission(
            eligibleOrders: eligible, eligibleNet: Money(minorUnits: net, currency: currency),
            commission: Money(minorUnits: rate.of(net), currency: currency))
    }
}
