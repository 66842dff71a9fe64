@preconcurrency import PostgresKit
import SQLKit
import SQLiteKit

extension AnalyticsRefresher {
    static let scoreColumns = [
        "customer_id", "run_id", "model", "p_alive", "expected_orders_90d", "predicted_clv_12m_minor", "churn_risk",
        "rfm_recency", "rfm_frequency", "rfm_monetary", "rfm_segment", "next_order_at",
    ]

    /// SQLite rows per statement: six bound values each, under SQLite's limit of 32,766 per statement.
    static let sqliteScoreRowsPerStatement = 5_000
    /// PostgreSQL rows per statement: one array per column.
    static let postgresScoreRowsPerStatement = 100_000

    /// Upserts every customer's scores; a customer scored before keeps that P(alive) as `p_alive_previous`. Customers
    /// no longer scored (no counted order left, or redacted) are removed. Runs inside the caller's transaction.
    ///
    /// Values are bound through the driver — SQLite `?` parameters, PostgreSQL `unnest` of one array per column —
    /// rather than through SQLKit's `Encodable` binds or SQL literals: for a million customers both of those cost
    /// more than the database's own work.
    static func writeScores(
        _ rows: [CustomerScoreRow], runID: Int64, model: String, on sql: any SQLDatabase, driver: DriverConnection
    ) async throws {
        switch driver {
        case .sqlite(let connection):
            try await writeScores(rows, runID: runID, model: model, sqlite: connection)
        case .postgres(let connection):
            try await writeScores(rows, runID: runID, model: model, postgres: connection, logger: sql.logger)
        }
        try await sql.raw("DELETE FROM customer_scores WHERE run_id <> \(bind: runID)").run()
    }

    private static var upsert: String {
        " ON CONFLICT (customer_id) DO UPDATE SET "
            + (scoreColumns.dropFirst().map { "\($0) = excluded.\($0)" } + [
                "p_alive_previous = customer_scores.p_alive"
            ]).joined(separator: ", ")
    }

    private static func writeScores(
        _ rows: [CustomerScoreRow], runID: Int64, model: String, sqlite connection: SQLiteConnection
    ) async throws {
        let width = CustomerScoreRow.compactValueCount
        let row = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
        // The run id and model are the same for every row: written once, as literals (a number and a fixed word).
        let head =
            "INSERT INTO customer_scores (customer_id, p_alive, expected_orders_90d, predicted_clv_12m_minor, "
            + "churn_risk, rfm_recency, rfm_frequency, rfm_monetary, rfm_segment, next_order_at, run_id, model) "
            + "SELECT \(CustomerScoreRow.compactSelectList), \(runID), '\(model.replacingOccurrences(of: "'", with: "''"))' "
            + "FROM (VALUES "
        // `WHERE true` tells SQLite's parser that ON CONFLICT starts the upsert, not a join constraint.
        let tail = ") WHERE true" + upsert
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + sqliteScoreRowsPerStatement)
            var binds: [SQLiteData] = []
            binds.reserveCapacity(width * (end - start))
            for index in start..<end { rows[index].appendCompact(to: &binds) }
            try await connection.query(
                head + repeatElement(row, count: end - start).joined(separator: ",") + tail, binds
            ) { _ in }
            start = end
        }
    }

    private static func writeScores(
        _ rows: [CustomerScoreRow], runID: Int64, model: String, postgres connection: PostgresConnection,
        logger: Logger
    ) async throws {
        // The arrays carry no NULL elements: absent values travel as NaN, Int64.min ($13) or '' and become NULL
        // again in the SELECT.
        func finite(_ value: Double?) -> Double { value.flatMap { $0.isFinite ? $0 : nil } ?? .nan }
        let text =
            """
            INSERT INTO customer_scores (\(scoreColumns.joined(separator: ", ")))
            SELECT id, $1, $2, NULLIF(p_alive, 'NaN'), NULLIF(expected, 'NaN'), NULLIF(clv, $13),
                NULLIF(churn, ''), recency, frequency, monetary, segment, NULLIF(next_order, $13)
            FROM unnest($3::bigint[], $4::float8[], $5::float8[], $6::bigint[], $7::text[], $8::int[], $9::int[],
                $10::int[], $11::text[], $12::bigint[])
                AS s (id, p_alive, expected, clv, churn, recency, frequency, monetary, segment, next_order)
            """ + upsert
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + postgresScoreRowsPerStatement)]
            var binds = PostgresBindings(capacity: 13)
            binds.append(runID)
            binds.append(model)
            binds.append(chunk.map(\.customerID))
            binds.append(chunk.map { finite($0.pAlive) })
            binds.append(chunk.map { finite($0.expectedOrders90d) })
            binds.append(chunk.map { $0.predictedClv12mMinor ?? .min })
            binds.append(chunk.map { $0.churnRisk ?? "" })
            binds.append(chunk.map { Int32($0.rfmRecency) })
            binds.append(chunk.map { Int32($0.rfmFrequency) })
            binds.append(chunk.map { Int32($0.rfmMonetary) })
            binds.append(chunk.map(\.rfmSegment))
            binds.append(chunk.map { $0.nextOrderAt ?? .min })
            binds.append(Int64.min)
            try await connection.query(PostgresQuery(unsafeSQL: text, binds: binds), logger: logger)
            start += chunk.count
        }
    }
}
