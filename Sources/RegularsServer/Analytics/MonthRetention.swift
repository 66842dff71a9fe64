import SQLKit

/// Customer retention over one calendar month (UTC), from the `customer_months` rollup, so no order is read.
///
/// A customer is active at an instant when they placed a counted order in the twelve calendar months before it —
/// the month-grained form of `RetentionConfiguration`'s 365-day window. S: customers active at the month's start
/// (an order in the twelve months before it); E: active at its end (an order in the twelve months up to and
/// including it); N: customers acquired in it (first counted order ever). CRR = (E − N) / S × 100; churn = the share
/// of S not active at the end.
struct MonthRetention: Codable, Sendable, Equatable {
    /// `YYYY-MM`.
    var month: String
    var customersAtStart: Int
    var customersAtEnd: Int
    var newCustomers: Int
    var retainedCustomers: Int
    var retentionRatePercent: Double?
    var churnRatePercent: Double?

    init(month: String, customersAtStart: Int, customersAtEnd: Int, newCustomers: Int, retainedCustomers: Int) {
        self.month = month
        self.customersAtStart = customersAtStart
        self.customersAtEnd = customersAtEnd
        self.newCustomers = newCustomers
        self.retainedCustomers = retainedCustomers
        let start = Double(customersAtStart)
        retentionRatePercent = start > 0 ? Double(customersAtEnd - newCustomers) / start * 100 : nil
        churnRatePercent = start > 0 ? Double(customersAtStart - retainedCustomers) / start * 100 : nil
    }

    /// Retention in month `last` (a `CohortRollup.monthNumber`) and the month before it, oldest first. One pass over
    /// the rollup rows of the fourteen months involved.
    static func load(lastMonth last: Int, on sql: any SQLDatabase) async throws -> [MonthRetention] {
        let row = try await sql.raw(
            """
            SELECT CAST(COALESCE(SUM(s0), 0) AS BIGINT) AS s0, CAST(COALESCE(SUM(e0), 0) AS BIGINT) AS e0,
                CAST(COALESCE(SUM(s0 * e0), 0) AS BIGINT) AS r0, CAST(COALESCE(SUM(e1), 0) AS BIGINT) AS e1,
                CAST(COALESCE(SUM(e0 * e1), 0) AS BIGINT) AS r1
            FROM (
                SELECT customer_id,
                    MAX(CASE WHEN month BETWEEN \(bind: last - 13) AND \(bind: last - 2) THEN 1 ELSE 0 END) AS s0,
                    MAX(CASE WHEN month BETWEEN \(bind: last - 12) AND \(bind: last - 1) THEN 1 ELSE 0 END) AS e0,
                    MAX(CASE WHEN month BETWEEN \(bind: last - 11) AND \(bind: last) THEN 1 ELSE 0 END) AS e1
                FROM customer_months WHERE month BETWEEN \(bind: last - 13) AND \(bind: last)
                GROUP BY customer_id) active
            """
        ).first()
        let acquired = try await sql.raw(
            """
            SELECT month, CAST(SUM(customers) AS BIGINT) AS customers FROM cohort_months
            WHERE cohort_month = month AND month BETWEEN \(bind: last - 1) AND \(bind: last) GROUP BY month
            """
        ).all()
        var newCustomers: [Int: Int] = [:]
        for cell in acquired {
            newCustomers[try cell.decode(column: "month", as: Int.self)] = try cell.decode(
                column: "customers", as: Int.self)
        }
        func count(_ column: String) throws -> Int { try row?.decode(column: column, as: Int.self) ?? 0 }
        // Active at the end of the earlier month is active at the start of the later one.
        let startOfLast = try count("e0")
        return [
            MonthRetention(
                month: label(last - 1), customersAtStart: try count("s0"), customersAtEnd: startOfLast,
                newCustomers: newCustomers[last - 1] ?? 0, retainedCustomers: try count("r0")),
            MonthRetention(
                month: label(last), customersAtStart: startOfLast, customersAtEnd: try count("e1"),
                newCustomers: newCustomers[last] ?? 0, retainedCustomers: try count("r1")),
        ]
    }

    private static func label(_ month: Int) -> String {
        String(CohortRollup.firstDay(ofMonth: month).description.prefix(7))
    }
}
