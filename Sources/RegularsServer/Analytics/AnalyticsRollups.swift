import Algorithms
import SQLKit

/// The compact tables the analytics refresh reads instead of the orders, kept in step at ingest.
///
/// - `customer_months`: per customer and (UTC) calendar month with at least one counted order, the number of counted
///   orders and their net revenue. Counted as in the retention metrics: not cancelled and not fully refunded; net =
///   base-currency total − refunds, never below 0.
/// - `cohort_months`: the sum of `customer_months` per (acquisition month = the customer's first month, activity
///   month): customers, orders, net revenue, and the customers with two or more orders in that month and their
///   revenue. This is the monthly cohort matrix and, summed per activity month, the monthly KPIs.
///
/// `refresh` runs inside the transaction of every order, refund or merge (after the customers' aggregates, whose
/// row locks serialise two writers of one customer), for every customer the write touched at once: it replaces
/// their month rows and applies the difference to `cohort_months`, so repeating it changes nothing. `rebuildAll` recomputes both from the orders
/// (`regulars stats rebuild`, and the migration that introduced them).
///
/// Months are numbered `year × 12 + month − 1` in UTC.
enum AnalyticsRollups {
    struct MonthRow: Decodable, Equatable, Sendable {
        var month: Int
        var orders: Int
        var netMinor: Int64
    }

    /// One customer's contribution to `cohort_months`.
    struct Contribution: Hashable, Sendable {
        var cohortMonth: Int
        var month: Int
        var customers: Int64
        var orders: Int64
        var netMinor: Int64
        var repeatCustomers: Int64
        var repeatNetMinor: Int64
    }

    /// Brings the customers' month rows in line with their orders and applies the difference to `cohort_months`:
    /// a fixed number of statements for any number of customers (up to 500 per round).
    static func refresh(customerIDs: [Int64], on sql: any SQLDatabase) async throws {
        let ids = Array(Set(customerIDs)).sorted()
        for chunk in ids.chunks(ofCount: 500) { try await refreshChunk(Array(chunk), on: sql) }
    }

    private struct CustomerMonthRow: Decodable {
        var customerId: Int64
        var month: Int
        var orders: Int
        var netMinor: Int64
    }

    private static func refreshChunk(_ ids: [Int64], on sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        let dialect: SQLDialectKind = sql.dialect.name == "sqlite" ? .sqlite : .postgres
        let old = try await sql.raw(
            """
            SELECT customer_id, month, orders, net_minor FROM customer_months WHERE customer_id IN (\(binds: ids))
            ORDER BY customer_id, month
            """
        ).all(decoding: CustomerMonthRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let new = try await sql.raw(
            """
            SELECT o.customer_id AS customer_id, \(unsafeRaw: monthExpression(dialect, column: "o.placed_at")) AS month,
                COUNT(*) AS orders, CAST(SUM(\(unsafeRaw: netExpression)) AS BIGINT) AS net_minor
            FROM orders o
            WHERE o.customer_id IN (\(binds: ids)) AND \(unsafeRaw: countedCondition)
            GROUP BY 1, 2 ORDER BY 1, 2
            """
        ).all(decoding: CustomerMonthRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let oldRows = Dictionary(grouping: old, by: \.customerId).mapValues(monthRows)
        let newRows = Dictionary(grouping: new, by: \.customerId).mapValues(monthRows)
        let changed = ids.filter { (oldRows[$0] ?? []) != (newRows[$0] ?? []) }
        guard !changed.isEmpty else { return }
        var delta: [Key: Contribution] = [:]
        for id in changed {
            for row in contributions(oldRows[id] ?? []) { delta.add(row, sign: -1) }
            for row in contributions(newRows[id] ?? []) { delta.add(row, sign: 1) }
        }
        // Sorted, so concurrent writers (PostgreSQL) lock the cohort rows in the same order.
        let changes = delta.values.sorted { ($0.cohortMonth, $0.month) < ($1.cohortMonth, $1.month) }
            .filter { $0 != Contribution(cohortMonth: $0.cohortMonth, month: $0.month) }
        if !changes.isEmpty {
            let values = changes.map { change -> SQLQueryString in
                """
                (\(bind: change.cohortMonth), \(bind: change.month), \(bind: change.customers), \(bind: change.orders),
                    \(bind: change.netMinor), \(bind: change.repeatCustomers), \(bind: change.repeatNetMinor))
                """
            }
            try await sql.raw(
                """
                INSERT INTO cohort_months (cohort_month, month, customers, orders, net_minor, repeat_customers,
                    repeat_net_minor)
                VALUES \(values.joined(separator: ", "))
                ON CONFLICT (cohort_month, month) DO UPDATE SET
                    customers = cohort_months.customers + excluded.customers,
                    orders = cohort_months.orders + excluded.orders,
                    net_minor = cohort_months.net_minor + excluded.net_minor,
                    repeat_customers = cohort_months.repeat_customers + excluded.repeat_customers,
                    repeat_net_minor = cohort_months.repeat_net_minor + excluded.repeat_net_minor
                """
            ).run()
        }
        let emptied = changes.filter { $0.customers < 0 }.map { change -> SQLQueryString in
            "(cohort_month = \(bind: change.cohortMonth) AND month = \(bind: change.month))"
        }
        if !emptied.isEmpty {
            try await sql.raw(
                "DELETE FROM cohort_months WHERE customers = 0 AND (\(emptied.joined(separator: " OR ")))"
            ).run()
        }
        try await sql.raw("DELETE FROM customer_months WHERE customer_id IN (\(binds: changed))").run()
        let inserts = changed.flatMap { id in (newRows[id] ?? []).map { (id, $0) } }.map { id, row -> SQLQueryString in
            "(\(bind: id), \(bind: row.month), \(bind: row.orders), \(bind: row.netMinor))"
        }
        if !inserts.isEmpty {
            try await sql.raw(
                "INSERT INTO customer_months (customer_id, month, orders, net_minor) VALUES \(inserts.joined(separator: ", "))"
            ).run()
        }
    }

    private static func monthRows(_ rows: [CustomerMonthRow]) -> [MonthRow] {
        rows.map { MonthRow(month: $0.month, orders: $0.orders, netMinor: $0.netMinor) }.sorted { $0.month < $1.month }
    }

    /// Recomputes both tables from the orders.
    static func rebuildAll(on sql: any SQLDatabase) async throws {
        let dialect: SQLDialectKind = sql.dialect.name == "sqlite" ? .sqlite : .postgres
        for statement in rebuildStatements(dialect) { try await sql.raw(SQLQueryString(statement)).run() }
    }

    static func rebuildStatements(_ dialect: SQLDialectKind) -> [String] {
        [
            "DELETE FROM cohort_months",
            "DELETE FROM customer_months",
            """
            INSERT INTO customer_months (customer_id, month, orders, net_minor)
            SELECT o.customer_id, \(monthExpression(dialect, column: "o.placed_at")), COUNT(*),
                CAST(SUM(\(netExpression)) AS BIGINT)
            FROM orders o WHERE o.customer_id IS NOT NULL AND \(countedCondition)
            GROUP BY o.customer_id, 2
            """,
            cohortInsert,
        ]
    }

    /// `cohort_months` from `customer_months` (after `customer_months` is complete).
    static let cohortInsert = """
        INSERT INTO cohort_months (cohort_month, month, customers, orders, net_minor, repeat_customers, repeat_net_minor)
        SELECT f.cohort_month, m.month, COUNT(*), SUM(m.orders), CAST(SUM(m.net_minor) AS BIGINT),
            SUM(CASE WHEN m.orders >= 2 THEN 1 ELSE 0 END),
            CAST(SUM(CASE WHEN m.orders >= 2 THEN m.net_minor ELSE 0 END) AS BIGINT)
        FROM customer_months m
        JOIN (SELECT customer_id, MIN(month) AS cohort_month FROM customer_months GROUP BY customer_id) f
            ON f.customer_id = m.customer_id
        GROUP BY f.cohort_month, m.month
        """

    /// The UTC month number (`year × 12 + month − 1`) of an epoch-milliseconds column.
    static func monthExpression(_ dialect: SQLDialectKind, column: String) -> String {
        switch dialect {
        case .sqlite:
            return """
                (CAST(strftime('%Y', \(column) / 1000, 'unixepoch') AS INTEGER) * 12 \
                + CAST(strftime('%m', \(column) / 1000, 'unixepoch') AS INTEGER) - 1)
                """
        case .postgres:
            return """
                CAST(EXTRACT(YEAR FROM to_timestamp(\(column) / 1000) AT TIME ZONE 'UTC') * 12 \
                + EXTRACT(MONTH FROM to_timestamp(\(column) / 1000) AT TIME ZONE 'UTC') - 1 AS INTEGER)
                """
        }
    }

    private static let refunded =
        "COALESCE((SELECT SUM(r.base_amount_minor) FROM refunds r WHERE r.order_id = o.id), 0)"
    /// Not cancelled and not fully refunded.
    static let countedCondition =
        "o.cancelled_at IS NULL AND NOT (o.base_total_minor > 0 AND \(refunded) >= o.base_total_minor)"
    static let netExpression =
        "CASE WHEN o.base_total_minor > \(refunded) THEN o.base_total_minor - \(refunded) ELSE 0 END"

    struct Key: Hashable {
        var cohortMonth: Int
        var month: Int
    }

    static func contributions(_ rows: [MonthRow]) -> [Contribution] {
        guard let cohort = rows.map(\.month).min() else { return [] }
        return rows.map { row in
            Contribution(
                cohortMonth: cohort, month: row.month, customers: 1, orders: Int64(row.orders),
                netMinor: row.netMinor, repeatCustomers: row.orders >= 2 ? 1 : 0,
                repeatNetMinor: row.orders >= 2 ? row.netMinor : 0)
        }
    }
}

extension AnalyticsRollups.Contribution {
    init(cohortMonth: Int, month: Int) {
        self.init(
            cohortMonth: cohortMonth, month: month, customers: 0, orders: 0, netMinor: 0, repeatCustomers: 0,
            repeatNetMinor: 0)
    }
}

extension Dictionary where Key == AnalyticsRollups.Key, Value == AnalyticsRollups.Contribution {
    fileprivate mutating func add(_ row: AnalyticsRollups.Contribution, sign: Int64) {
        let key = AnalyticsRollups.Key(cohortMonth: row.cohortMonth, month: row.month)
        var sum = self[key] ?? AnalyticsRollups.Contribution(cohortMonth: row.cohortMonth, month: row.month)
        sum.customers += sign * row.customers
        sum.orders += sign * row.orders
        sum.netMinor += sign * row.netMinor
        sum.repeatCustomers += sign * row.repeatCustomers
        sum.repeatNetMinor += sign * row.repeatNetMinor
        self[key] = sum
    }
}
