import Algorithms
import SQLKit

/// The per-customer running aggregates on `customers`, over orders that are not cancelled: order count, the number of
/// distinct (UTC) days with an order — the "transactions" of the lifetime-value models — first and last order, net
/// revenue and refunds in the base currency, and the first order's net value (so the mean value of repeat orders is
/// derivable without reading orders).
///
/// Every order or refund write calls `refresh` for the customers it touched inside its own transaction (one indexed
/// pass over those customers' orders, never a scan of all orders; a tracking batch refreshes each customer once);
/// `rebuildAll` recomputes every customer from scratch with the same statement (`regulars stats rebuild`). Both also
/// keep the analytics rollups (`AnalyticsRollups`) in step.
enum CustomerAggregates {
    /// One statement per 500 customers, then their rollups.
    static func refresh(customerIDs: [Int64], on sql: any SQLDatabase) async throws {
        let ids = Array(Set(customerIDs)).sorted()
        for chunk in ids.chunks(ofCount: 500).map(Array.init) {
            try await sql.raw(
                """
                \(unsafeRaw: liveOrdersWhere) o.customer_id IN (\(binds: chunk)) \(unsafeRaw: update)
                WHERE c.id IN (\(binds: chunk))) a WHERE customers.id = a.id
                """
            ).run()
        }
        try await AnalyticsRollups.refresh(customerIDs: ids, on: sql)
    }

    /// Recomputes every customer; returns how many rows were updated.
    @discardableResult
    static func rebuildAll(on sql: any SQLDatabase) async throws -> Int {
        let rows = try await sql.raw(
            "\(unsafeRaw: liveOrdersWhere) true \(unsafeRaw: update)) a WHERE customers.id = a.id RETURNING customers.id"
        ).all()
        try await AnalyticsRollups.rebuildAll(on: sql)
        return rows.count
    }

    /// The live orders, each once with its refunds and numbered by time (for the first order's net), of the customers
    /// the condition that follows selects: one pass over those orders.
    private static let liveOrdersWhere = """
        WITH live AS (
            SELECT o.customer_id, o.placed_at, o.base_total_minor,
                COALESCE((SELECT SUM(r.base_amount_minor) FROM refunds r WHERE r.order_id = o.id), 0) AS refunded,
                ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.placed_at, o.id) AS position
            FROM orders o WHERE o.cancelled_at IS NULL AND
        """

    /// Follows `liveOrdersWhere` and its condition: sums per customer, and updates every selected customer — those left
    /// without a live order back to zero — from a join the caller filters (`c`) and names `a`.
    private static let update = """
        ), totals AS (
            SELECT customer_id, COUNT(*) AS order_count, COUNT(DISTINCT placed_at / 86400000) AS order_days,
                MIN(placed_at) AS first_order_at, MAX(placed_at) AS last_order_at,
                CAST(SUM(refunded) AS BIGINT) AS refunded_minor,
                CAST(SUM(base_total_minor) - SUM(refunded) AS BIGINT) AS net_revenue_minor,
                CAST(SUM(CASE WHEN position = 1 THEN base_total_minor - refunded ELSE 0 END) AS BIGINT)
                    AS first_order_net_minor
            FROM live GROUP BY customer_id)
        UPDATE customers SET order_count = COALESCE(a.order_count, 0), order_days = COALESCE(a.order_days, 0),
            first_order_at = a.first_order_at, last_order_at = a.last_order_at,
            refunded_minor = COALESCE(a.refunded_minor, 0), net_revenue_minor = COALESCE(a.net_revenue_minor, 0),
            first_order_net_minor = COALESCE(a.first_order_net_minor, 0)
        FROM (SELECT c.id, t.order_count, t.order_days, t.first_order_at, t.last_order_at, t.refunded_minor,
                t.net_revenue_minor, t.first_order_net_minor
            FROM customers c LEFT JOIN totals t ON t.customer_id = c.id
        """
}
