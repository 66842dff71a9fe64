import Foundation
import RegularsCore

@testable import RegularsLoyalty

/// Shared values for the loyalty tests.
enum Fixtures {
    static let usd = CurrencyCode("USD")!
    static let utc = TimeZone(secondsFromGMT: 0)!

    /// An instant given in UTC.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// An instant `days` (fractional allowed) after `start`.
    static func days(_ days: Double, after start: Date) -> Date { start.addingTimeInterval(days * 86_400) }

    static func usd(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: usd) }

    /// 1 point per dollar, discounts subtracted, shipping and tax excluded.
    static let rules = EarningRules(currency: usd, rate: PointsRate(points: 1, perMinorUnits: 100))

    static func policy(
        window: Int = 30, lifetime: Int? = 365, shortfall: ShortfallPolicy = .debtFromFutureEarnings
    ) -> LedgerPolicy {
        LedgerPolicy(returnWindowDays: window, pointsLifetimeDays: lifetime, shortfall: shortfall, timeZone: .utc)
    }

    /// A one-line order worth `total` minor units.
    static func order(_ id: String, total: Int64, placedAt: Date) -> LoyaltyOrder {
        LoyaltyOrder(
            orderID: id, placedAt: placedAt, currency: usd, lines: [LoyaltyOrderLine(quantity: 1, unitPrice: total)])
    }

    /// The points `order` earns under `rules`.
    static func points(_ order: LoyaltyOrder, rules: EarningRules = rules) -> OrderPoints {
        try! rules.points(for: order)
    }
}
