import Foundation
import RegularsStats
import SQLKit

/// Orders as the retention metrics and cohorts read them: customer, instant, base-currency total, refunds, and
/// whether they were cancelled. Read on demand for a requested period.
struct AnalyticsOrders: Sendable {
    let database: Database

    private struct Row: Decodable {
        var customerId: Int64
        var placedAt: Int64
        var baseTotalMinor: Int64
        var refundedMinor: Int64
        var cancelled: Int
    }

    func load(from start: Instant, to end: Instant) async throws -> [OrderRecord] {
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT o.customer_id, o.placed_at, o.base_total_minor,
                    CAST(COALESCE((SELECT SUM(r.base_amount_minor) FROM refunds r WHERE r.order_id = o.id), 0) AS BIGINT)
                        AS refunded_minor,
                    CASE WHEN o.cancelled_at IS NULL THEN 0 ELSE 1 END AS cancelled
                FROM orders o
                WHERE o.customer_id IS NOT NULL AND o.placed_at >= \(bind: start.milliseconds)
                    AND o.placed_at < \(bind: end.milliseconds)
                """
            ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        return rows.map { row in
            OrderRecord(
                customerID: row.customerId, placedAt: Instant(milliseconds: row.placedAt).date,
                amountMinor: row.baseTotalMinor, refundedMinor: row.refundedMinor, isCancelled: row.cancelled == 1)
        }
    }
}
