import Foundation
import RegularsStats
import SQLKit

/// The monthly cohort matrix and monthly KPIs, read from `cohort_months` (a few hundred rows however many orders
/// the store has). Equal, by construction and by test, to `CohortTable` and the per-month order counts computed
/// from all orders with UTC months.
struct CohortRollup: Codable, Sendable {
    var cohorts: CohortTable
    var months: [MonthlyMetrics]

    struct Cell: Decodable, Sendable {
        var cohortMonth: Int
        var month: Int
        var customers: Int
        var orders: Int
        var netMinor: Int64
        var repeatCustomers: Int
        var repeatNetMinor: Int64
    }

    static func cells(on sql: any SQLDatabase) async throws -> [Cell] {
        try await sql.raw(
            """
            SELECT cohort_month, month, customers, orders, net_minor, repeat_customers, repeat_net_minor
            FROM cohort_months ORDER BY cohort_month, month
            """
        ).all(decoding: Cell.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func load(database: Database, asOf: Instant = .now) async throws -> CohortRollup {
        let cells = try await database.read { sql in try await Self.cells(on: sql) }
        return CohortRollup(cells: cells, asOf: asOf)
    }

    static func monthNumber(of instant: Instant) -> Int {
        let day = EpochDay(rawValue: Int32((instant.milliseconds).quotientRoundingDown(86_400_000)))
        let (year, month, _) = day.components
        return year * 12 + month - 1
    }

    static func firstDay(ofMonth number: Int) -> EpochDay {
        let year = number.quotientRoundingDown(12)
        return EpochDay(year: year, month: number - year * 12 + 1, day: 1) ?? EpochDay(rawValue: 0)
    }

    /// - Parameters:
    ///   - asOf: cohorts run to the month containing it (as `CohortTable(asOf:)`).
    ///   - cohortsFrom, cohortsThrough: keep only cohorts acquired in this range of month numbers.
    init(cells: [Cell], asOf: Instant, cohortsFrom: Int? = nil, cohortsThrough: Int? = nil) {
        let last = Self.monthNumber(of: asOf)
        var byCohort: [Int: [Int: Cell]] = [:]
        for cell in cells where cell.month <= last { byCohort[cell.cohortMonth, default: [:]][cell.month] = cell }
        var cohorts: [Cohort] = []
        for cohortMonth in byCohort.keys.sorted()
        where cohortMonth >= (cohortsFrom ?? .min) && cohortMonth <= (cohortsThrough ?? .max) {
            let row = byCohort[cohortMonth] ?? [:]
            let size = row[cohortMonth]?.customers ?? 0
            guard size > 0 else { continue }
            var periods: [CohortPeriod] = []
            var cumulative: Int64 = 0
            for month in cohortMonth...max(cohortMonth, last) {
                let cell = row[month]
                let active = cell?.customers ?? 0
                let revenue = cell?.netMinor ?? 0
                cumulative += revenue
                periods.append(
                    CohortPeriod(
                        index: month - cohortMonth, activeCustomers: active, retention: Double(active) / Double(size),
                        revenueMinor: revenue, cumulativeRevenueMinor: cumulative,
                        revenuePerCustomerMinor: MinorUnitRounding.divideHalfEven(revenue, by: Int64(size)),
                        cumulativeRevenuePerCustomerMinor: MinorUnitRounding.divideHalfEven(cumulative, by: Int64(size))
                    ))
            }
            cohorts.append(Cohort(start: Self.firstDay(ofMonth: cohortMonth), customers: size, periods: periods))
        }
        self.cohorts = CohortTable(granularity: .month, cohorts: cohorts)

        var totals: [Int: MonthlyMetrics] = [:]
        for cell in cells where cell.month <= last {
            var metrics =
                totals[cell.month]
                ?? MonthlyMetrics(
                    month: String(Self.firstDay(ofMonth: cell.month).description.prefix(7)), orders: 0,
                    netRevenueMinor: 0, orderingCustomers: 0, newCustomers: 0, returningCustomers: 0,
                    repeatCustomers: 0, repeatCustomerRevenueMinor: 0)
            metrics.orders += cell.orders
            metrics.netRevenueMinor += cell.netMinor
            metrics.orderingCustomers += cell.customers
            if cell.cohortMonth == cell.month {
                metrics.newCustomers += cell.customers
            } else {
                metrics.returningCustomers += cell.customers
            }
            metrics.repeatCustomers += cell.repeatCustomers
            metrics.repeatCustomerRevenueMinor += cell.repeatNetMinor
            totals[cell.month] = metrics
        }
        self.months = totals.keys.sorted().compactMap { key in
            guard var metrics = totals[key] else { return nil }
            let ordering = Double(metrics.orderingCustomers)
            metrics.repeatCustomerRate = ordering > 0 ? Double(metrics.repeatCustomers) / ordering : nil
            metrics.repeatCustomerRevenueShare =
                metrics.netRevenueMinor > 0
                ? Double(metrics.repeatCustomerRevenueMinor) / Double(metrics.netRevenueMinor) : nil
            metrics.averageOrderValueMinor =
                metrics.orders > 0
                ? MinorUnitRounding.divideHalfEven(metrics.netRevenueMinor, by: Int64(metrics.orders)) : nil
            metrics.purchaseFrequency = ordering > 0 ? Double(metrics.orders) / ordering : nil
            metrics.returningCustomerShare = ordering > 0 ? Double(metrics.returningCustomers) / ordering : nil
            return metrics
        }
    }
}

extension BinaryInteger {
    /// Division rounding toward −∞.
    fileprivate func quotientRoundingDown(_ divisor: Self) -> Self {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? q - 1 : q
    }
}
