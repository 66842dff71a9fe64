import Foundation
@preconcurrency import PostgresKit
import RegularsStats
import SQLKit
import SQLiteKit
import Synchronization

/// Orders as the retention metrics read them — customer, instant, base-currency total, refunds, cancelled — for a
/// requested period, with each customer's first counted order ever (from the running aggregates), so a customer
/// returning after a long gap is not counted as new.
///
/// Rows are read through the driver (`DriverConnection`): a year of a large store is millions of orders, and SQLKit's
/// keyed row decoder took over twenty microseconds an order.
struct AnalyticsOrders: Sendable {
    let database: Database

    struct Loaded: Sendable {
        var orders: [OrderRecord]
        var firstOrders: [Int64: Date]
    }

    private struct Collector: Sendable {
        var orders: [OrderRecord] = []
        var firstOrders: [Int64: Date] = [:]

        mutating func add(
            customer: Int64, placedAt: Int64, totalMinor: Int64, refundedMinor: Int64, cancelled: Bool,
            firstOrderAt: Int64?
        ) {
            orders.append(
                OrderRecord(
                    customerID: customer, placedAt: Instant(milliseconds: placedAt).date, amountMinor: totalMinor,
                    refundedMinor: refundedMinor, isCancelled: cancelled))
            if let firstOrderAt, firstOrders[customer] == nil {
                firstOrders[customer] = Instant(milliseconds: firstOrderAt).date
            }
        }
    }

    /// The query, with the period's bounds as the dialect's placeholders.
    private static func query(from start: String, to end: String) -> String {
        """
        SELECT o.customer_id, o.placed_at, o.base_total_minor,
            CAST(COALESCE((SELECT SUM(r.base_amount_minor) FROM refunds r WHERE r.order_id = o.id), 0) AS BIGINT)
                AS refunded_minor,
            CASE WHEN o.cancelled_at IS NULL THEN 0 ELSE 1 END AS cancelled, c.first_order_at
        FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.placed_at >= \(start) AND o.placed_at < \(end)
        """
    }

    func load(from start: Instant, to end: Instant) async throws -> Loaded {
        try await database.read { _, driver in
            switch driver {
            case .sqlite(let connection):
                let collector = Mutex(Collector())
                try await connection.query(
                    Self.query(from: "?1", to: "?2"),
                    [.integer(SQLiteInt64(start.milliseconds)), .integer(SQLiteInt64(end.milliseconds))]
                ) { row in
                    let values = row.columns.map(\.data)
                    guard values.count == 6, let customer = values[0].integer, let placedAt = values[1].integer,
                        let total = values[2].integer, let refunded = values[3].integer
                    else { return }
                    collector.withLock {
                        $0.add(
                            customer: Int64(customer), placedAt: Int64(placedAt), totalMinor: Int64(total),
                            refundedMinor: Int64(refunded), cancelled: values[4].integer == 1,
                            firstOrderAt: values[5].integer.map(Int64.init))
                    }
                }
                let collected = collector.withLock { $0 }
                return Loaded(orders: collected.orders, firstOrders: collected.firstOrders)
            case .postgres(let connection):
                var binds = PostgresBindings(capacity: 2)
                binds.append(start.milliseconds)
                binds.append(end.milliseconds)
                var collector = Collector()
                let rows = try await connection.query(
                    PostgresQuery(unsafeSQL: Self.query(from: "$1", to: "$2"), binds: binds), logger: connection.logger)
                for try await row in rows {
                    let (customer, placedAt, total, refunded, cancelled, first) = try row.decode(
                        (Int64, Int64, Int64, Int64, Int32, Int64?).self)
                    collector.add(
                        customer: customer, placedAt: placedAt, totalMinor: total, refundedMinor: refunded,
                        cancelled: cancelled == 1, firstOrderAt: first)
                }
                return Loaded(orders: collector.orders, firstOrders: collector.firstOrders)
            }
        }
    }
}
