import Foundation
import Logging
import RegularsCore
import RegularsStats
import SQLKit

/// `regulars bench analytics`: loads a seeded synthetic store — customers, orders, and the aggregates and rollups
/// ingest would have maintained, computed with the same definitions — into a fresh database, then times full
/// analytics refreshes on it.
///
/// The store: `orders` orders (exactly) over `customers` customers and three years up to today. Customer i gets
/// kᵢ ≥ 1 orders, kᵢ proportional to a Gamma(0.6) weight (heavy-tailed, mean orders/customers); they arrive on a
/// uniform day, stay for an exponential lifetime (mean a year, at least 30 days) and place their orders on uniform
/// days of it (cut at today), with a Gamma-distributed spend level; 1 % of orders are cancelled. Randomness is one
/// xoshiro256** stream per customer, so the store depends only on the seed. Work is done in chunks of customers, one
/// transaction each, so memory stays bounded; orders are inserted as multi-row statements of literals, with the
/// secondary order indexes dropped during the load and rebuilt after it (as a bulk loader does).
public struct AnalyticsBenchmark: Sendable {
    public var orders: Int
    public var customers: Int
    public var seed: UInt64
    public var historyDays = 1_095
    public var chunkCustomers = 20_000

    public init(orders: Int, customers: Int, seed: UInt64) {
        self.orders = orders
        self.customers = customers
        self.seed = seed
    }

    public struct LoadReport: Sendable {
        public var customers: Int
        public var orders: Int
        public var customerMonths: Int
        public var generateAndInsertSeconds: Double
        public var indexSeconds: Double
    }

    static let day: Int64 = 86_400_000

    private func stream(_ customer: Int, _ salt: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(customer) &* 0xBF58_476D_1CE4_E5B9 &+ salt)
    }

    /// Orders per customer: exactly `orders` in total, at least one each.
    func orderCounts() -> [Int32] {
        var weights = [Double](repeating: 0, count: customers)
        var total = 0.0
        for index in 0..<customers {
            var random = stream(index, 1)
            weights[index] = random.nextGamma(shape: 0.6, rate: 1)
            total += weights[index]
        }
        let extra = max(0, orders - customers)
        var counts = [Int32](repeating: 1, count: customers)
        var assigned = 0
        for index in 0..<customers {
            let share = Int(Double(extra) * weights[index] / max(total, .leastNonzeroMagnitude))
            counts[index] += Int32(share)
            assigned += share
        }
        var index = 0
        while assigned < extra {
            counts[index % customers] += 1
            assigned += 1
            index += 1
        }
        return counts
    }

    /// Generates the store into `database` (migrated, empty) and returns what was loaded.
    public func load(into database: Database, now: Instant, progress: @Sendable (Int, Int) -> Void) async throws
        -> LoadReport
    {
        let started = ContinuousClock.now
        let counts = orderCounts()
        let today = now.milliseconds / Self.day
        let firstDay = today - Int64(historyDays) + 1
        let dialect = database.dialect
        try await database.write { sql in
            for index in ["orders_customer", "orders_placed"] {
                try await sql.raw("DROP INDEX \(unsafeRaw: index)").run()
            }
        }
        var cohorts: [AnalyticsRollups.Key: AnalyticsRollups.Contribution] = [:]
        var nextOrderID: Int64 = 1
        var customerMonthCount = 0
        var chunkStart = 0
        while chunkStart < customers {
            let chunkEnd = min(customers, chunkStart + chunkCustomers)
            var customerValues: [String] = []
            var orderValues: [String] = []
            var monthValues: [String] = []
            customerValues.reserveCapacity(chunkEnd - chunkStart)
            for index in chunkStart..<chunkEnd {
                var random = stream(index, 2)
                let customerID = Int64(index + 1)
                let arrival = firstDay + Int64(random.nextUnitInterval() * Double(historyDays))
                let lifetime = max(30, random.nextExponential(rate: 1.0 / 365))
                let lastDay = min(today, arrival + Int64(lifetime))
                let spend = random.nextGamma(shape: 4, rate: 4.0 / 5_000)
                var placed: [Int64] = []
                placed.reserveCapacity(Int(counts[index]))
                placed.append(arrival * Self.day + Int64(random.nextUnitInterval() * Double(Self.day)))
                for _ in 1..<Int(counts[index]) {
                    let day = arrival + Int64(random.nextUnitInterval() * Double(lastDay - arrival + 1))
                    placed.append(day * Self.day + Int64(random.nextUnitInterval() * Double(Self.day)))
                }
                placed.sort()
                var orderCount = 0
                var days = Set<Int64>()
                var firstAt: Int64?
                var lastAt: Int64 = 0
                var net: Int64 = 0
                var firstNet: Int64 = 0
                var months: [Int: (orders: Int, net: Int64)] = [:]
                for at in placed {
                    let total = max(100, Int64(spend * random.nextGamma(shape: 10, rate: 10)))
                    let cancelled = random.nextUnitInterval() < 0.01
                    let id = nextOrderID
                    nextOrderID += 1
                    orderValues.append(
                        "(\(id),'bench','\(Self.padded(id))',\(customerID),\(at),'USD',\(total),0,0,0,"
                            + "\(total),'USD',\(total),0,0,0,\(total),'paid','fulfilled',"
                            + "\(cancelled ? String(at + Self.day) : "NULL"),\(at),\(at),\(at))")
                    guard !cancelled else { continue }
                    if firstAt == nil {
                        firstAt = at
                        firstNet = total
                    }
                    orderCount += 1
                    days.insert(at / Self.day)
                    lastAt = at
                    net += total
                    let month = CohortRollup.monthNumber(of: Instant(milliseconds: at))
                    months[month, default: (0, 0)].orders += 1
                    months[month, default: (0, 0)].net += total
                }
                let rows = months.sorted { $0.key < $1.key }.map {
                    AnalyticsRollups.MonthRow(month: $0.key, orders: $0.value.orders, netMinor: $0.value.net)
                }
                for row in rows {
                    monthValues.append("(\(customerID),\(row.month),\(row.orders),\(row.netMinor))")
                }
                customerMonthCount += rows.count
                for contribution in AnalyticsRollups.contributions(rows) {
                    let key = AnalyticsRollups.Key(cohortMonth: contribution.cohortMonth, month: contribution.month)
                    var sum = cohorts[key] ?? .init(cohortMonth: key.cohortMonth, month: key.month)
                    sum.customers += contribution.customers
                    sum.orders += contribution.orders
                    sum.netMinor += contribution.netMinor
                    sum.repeatCustomers += contribution.repeatCustomers
                    sum.repeatNetMinor += contribution.repeatNetMinor
                    cohorts[key] = sum
                }
                let created = arrival * Self.day
                customerValues.append(
                    "(\(customerID),\(created),\(created),\(orderCount),\(days.count),"
                        + "\(firstAt.map(String.init) ?? "NULL"),\(firstAt == nil ? "NULL" : String(lastAt)),"
                        + "\(net),0,\(firstNet))")
            }
            try await database.write { sql in
                try await Self.insert(
                    into: "customers",
                    columns:
                        "id, created_at, updated_at, order_count, order_days, first_order_at, last_order_at, "
                        + "net_revenue_minor, refunded_minor, first_order_net_minor",
                    values: customerValues, on: sql)
                try await Self.insert(
                    into: "orders",
                    columns:
                        "id, source, external_id, customer_id, placed_at, currency, subtotal_minor, discount_minor, "
                        + "shipping_minor, tax_minor, total_minor, base_currency, base_subtotal_minor, "
                        + "base_discount_minor, base_shipping_minor, base_tax_minor, base_total_minor, "
                        + "financial_status, fulfillment_status, cancelled_at, source_updated_at, created_at, updated_at",
                    values: orderValues, on: sql)
                try await Self.insert(
                    into: "customer_months", columns: "customer_id, month, orders, net_minor", values: monthValues,
                    on: sql)
            }
            progress(chunkEnd, Int(nextOrderID - 1))
            chunkStart = chunkEnd
        }
        let cohortValues = cohorts.values.sorted { ($0.cohortMonth, $0.month) < ($1.cohortMonth, $1.month) }.map {
            "(\($0.cohortMonth),\($0.month),\($0.customers),\($0.orders),\($0.netMinor),\($0.repeatCustomers),"
                + "\($0.repeatNetMinor))"
        }
        try await database.write { sql in
            try await Self.insert(
                into: "cohort_months",
                columns: "cohort_month, month, customers, orders, net_minor, repeat_customers, repeat_net_minor",
                values: cohortValues, on: sql)
        }
        let loaded = ContinuousClock.now
        try await database.write { sql in
            try await sql.raw("CREATE INDEX orders_customer ON orders (customer_id, placed_at)").run()
            try await sql.raw("CREATE INDEX orders_placed ON orders (placed_at)").run()
            if dialect == .postgres {
                for table in ["customers", "orders"] {
                    try await sql.raw(
                        """
                        SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id'),
                            (SELECT COALESCE(MAX(id), 0) + 1 FROM \(unsafeRaw: table)), false)
                        """
                    ).run()
                }
            }
        }
        if dialect == .postgres {
            try await database.read { sql in try await sql.raw("ANALYZE").run() }
        }
        let indexed = ContinuousClock.now
        return LoadReport(
            customers: customers, orders: Int(nextOrderID - 1), customerMonths: customerMonthCount,
            generateAndInsertSeconds: (loaded - started).seconds, indexSeconds: (indexed - loaded).seconds)
    }

    private static func padded(_ id: Int64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// Multi-row INSERTs of literal rows (numbers and fixed words generated here), 1,000 rows a statement.
    private static func insert(into table: String, columns: String, values: [String], on sql: any SQLDatabase)
        async throws
    {
        var start = 0
        while start < values.count {
            let end = min(values.count, start + 1_000)
            try await sql.raw(
                "INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns)) VALUES \(unsafeRaw: values[start..<end].joined(separator: ","))"
            ).run()
            start = end
        }
    }
}
