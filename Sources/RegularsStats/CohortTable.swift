import Foundation

/// Acquisition cohorts × periods since first order.
///
/// Customers are grouped by the calendar month or week (in `timeZone`; weeks start on `firstWeekday`) of their first
/// counted order. For each cohort and each period k since then, the table gives the customers active in the period
/// (≥ 1 counted order in it), the retained share, and revenue in total, cumulatively and per cohort customer. Only
/// orders placed up to `asOf` are used and periods run up to the one containing `asOf`.
public struct CohortTable: Sendable, Hashable, Codable {
    public var granularity: CohortGranularity
    public var cohorts: [Cohort]

    public init(granularity: CohortGranularity, cohorts: [Cohort]) {
        self.granularity = granularity
        self.cohorts = cohorts
    }

    /// - Parameters:
    ///   - firstWeekday: 1 = Sunday … 7 = Saturday (Foundation's numbering); default Monday (ISO 8601).
    ///   - asOf: default the last counted order.
    public init(
        orders: [OrderRecord], granularity: CohortGranularity,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!, firstWeekday: Int = 2, asOf: Date? = nil
    ) {
        let counted = orders.filter { $0.counts && (asOf == nil || $0.placedAt <= asOf!) }
        guard let last = asOf ?? counted.map(\.placedAt).max() else {
            self.init(granularity: granularity, cohorts: [])
            return
        }
        /// The period containing a day: its first day and an ordinal that increases by 1 per period.
        func period(of day: EpochDay) -> (start: EpochDay, ordinal: Int) {
            switch granularity {
            case .month:
                let (year, month, _) = day.components
                return (EpochDay(year: year, month: month, day: 1)!, year * 12 + month - 1)
            case .week:
                let back = (day.weekday - firstWeekday + 7) % 7
                let start = day.adding(days: -back)
                return (start, Int((Double(start.rawValue) / 7).rounded(.down)))
            }
        }
        var acquisition: [Int64: (start: EpochDay, ordinal: Int, date: Date)] = [:]
        for order in counted {
            if let known = acquisition[order.customerID], known.date <= order.placedAt { continue }
            let p = period(of: EpochDay(date: order.placedAt, timeZone: timeZone))
            acquisition[order.customerID] = (p.start, p.ordinal, order.placedAt)
        }
        struct Key: Hashable {
            var cohort: Int
            var index: Int
        }
        var active: [Key: Set<Int64>] = [:]
        var revenue: [Key: Int64] = [:]
        for order in counted {
            let cohort = acquisition[order.customerID]!
            let index = period(of: EpochDay(date: order.placedAt, timeZone: timeZone)).ordinal - cohort.ordinal
            let key = Key(cohort: cohort.ordinal, index: index)
            active[key, default: []].insert(order.customerID)
            revenue[key, default: 0] += order.netAmountMinor
        }
        var sizes: [Int: (start: EpochDay, customers: Int)] = [:]
        for (_, cohort) in acquisition {
            sizes[cohort.ordinal, default: (cohort.start, 0)].customers += 1
        }
        let lastOrdinal = period(of: EpochDay(date: last, timeZone: timeZone)).ordinal
        var cohorts: [Cohort] = []
        for (ordinal, info) in sizes.sorted(by: { $0.key < $1.key }) {
            var periods: [CohortPeriod] = []
            var cumulative: Int64 = 0
            let size = Int64(info.customers)
            for index in 0...max(0, lastOrdinal - ordinal) {
                let key = Key(cohort: ordinal, index: index)
                let activeCount = active[key]?.count ?? 0
                let periodRevenue = revenue[key] ?? 0
                cumulative += periodRevenue
                periods.append(
                    CohortPeriod(
                        index: index, activeCustomers: activeCount,
                        retention: Double(activeCount) / Double(info.customers), revenueMinor: periodRevenue,
                        cumulativeRevenueMinor: cumulative,
                        revenuePerCustomerMinor: MinorUnitRounding.divideHalfEven(periodRevenue, by: size),
                        cumulativeRevenuePerCustomerMinor: MinorUnitRounding.divideHalfEven(cumulative, by: size)))
            }
            cohorts.append(Cohort(start: info.start, customers: info.customers, periods: periods))
        }
        self.init(granularity: granularity, cohorts: cohorts)
    }
}
