import SQLKit

/// The per-customer running aggregates on `customers`, over orders that are not cancelled: order count, the number of
/// distinct (UTC) days with an order — the "transactions" of the lifetime-value models — first and last order, net
/// revenue and refunds in the base currency, and the first order's net value (so the mean value of repeat orders is
/// derivable without reading orders).
///
/// Every order or refund write calls `refresh` for the customers it touched inside its own transaction (an indexed
/// read of those customers' orders, never a scan of all orders; a tracking batch refreshes each customer once); `rebuildAll` recomputes every customer from scratch
/// with the same definition (`regulars stats rebuild`). Both also keep the analytics rollups (`AnalyticsRollups`) in
/// step.
enum CustomerAggregates {
    /// One statement per 500 customers, then their rollups.
    static func refresh(customerIDs: [Int64], on sql: any SQLDatabase) async throws {
        let ids = Array(Set(customerIDs)).sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            try await sql.raw("UPDATE customers SET \(unsafeRaw: assignments) WHERE id IN (\(binds: chunk))").run()
        }
        try await AnalyticsRollups.refresh(customerIDs: ids, on: sql)
    }

    /// Recomputes every customer; returns how many rows were updated.
    @discardableResult
    static func rebuildAll(on sql: any SQLDatabase) async throws -> Int {
        let rows = try await sql.raw("UPDATE customers SET \(unsafeRaw: assignments) RETURNING id").all()
        try await AnalyticsRollups.rebuildAll(on: sql)
        return rows.count
    }

    private static let liveOrders = "FROM orders o WHERE o.customer_id = customers.id AND o.cancelled_at IS NULL"
    private static let refunded = """
        SELECT CAST(COALESCE(SUM(r.base_amount_minor), 0) AS BIGINT) FROM refunds r JOIN orders o ON o.id = r.order_id \
        WHERE o.customer_id = customers.id AND o.cancelled_at IS NULL
        """
    private static let assignments = """
        order_count = (SELECT COUNT(*) \(liveOrders)),
        order_days = (SELECT COUNT(DISTINCT o.placed_at / 86400000) \(liveOrders)),
        first_order_net_minor = COALESCE((SELECT CAST(o.base_total_minor - COALESCE((SELECT SUM(r.base_amount_minor) \
            FROM refunds r WHERE r.order_id = o.id), 0) AS BIGINT) \(liveOrders) ORDER BY o.placed_at, o.id LIMIT 1), 0),
        first_order_at = (SELECT MIN(o.placed_at) \(liveOrders)),
        last_order_at = (SELECT MAX(o.placed_at) \(liveOrders)),
        refunded_minor = (\(refunded)),
        net_revenue_minor = (SELECT CAST(COALESCE(SUM(o.base_total_minor), 0) AS BIGINT) \(liveOrders)) - (\(refunded))
        """
}
