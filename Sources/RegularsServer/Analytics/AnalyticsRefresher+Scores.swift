import Algorithms
@preconcurrency import PostgresKit
import SQLKit
import SQLiteKit

extension AnalyticsRefresher {
    static let scoreColumns = [
        "customer_id", "run_id", "p_alive", "expected_orders_90d", "predicted_clv_12m_minor", "rfm_recency",
        "rfm_frequency", "rfm_monetary", "next_order_at",
    ]

    /// Rows made at a time — by a refresh, also predicted at a time — while the previous block is written.
    static let rowsPerBlock = 100_000
    /// SQLite rows per statement: six bound values each, under SQLite's limit of 32,766 per statement.
    static let sqliteScoreRowsPerStatement = 5_000

    /// Upserts the scores of customers `0..<count`, as `rows` makes them block by block; a customer scored before
    /// keeps that P(alive) as `p_alive_previous`. Customers no longer scored (no counted order left, or redacted) are
    /// removed. Runs inside the caller's transaction.
    ///
    /// The next block of `rowsPerBlock` rows is made while the database writes the current one. Values are bound
    /// through the driver — SQLite `?` parameters, PostgreSQL `unnest` of one array per column — rather than through
    /// SQLKit's `Encodable` binds or SQL literals: for a million customers both of those cost more than the
    /// database's own work.
    static func writeScores(
        count: Int, runID: Int64, on sql: any SQLDatabase, driver: DriverConnection,
        rows: @escaping @Sendable (Range<Int>) -> [CustomerScoreRow]
    ) async throws {
        switch driver {
        case .sqlite(let connection):
            try await writeScores(count: count, runID: runID, sqlite: connection, rows: rows)
        case .postgres(let connection):
            try await writeScores(count: count, runID: runID, postgres: connection, logger: sql.logger, rows: rows)
        }
        try await sql.raw("DELETE FROM customer_scores WHERE run_id <> \(bind: runID)").run()
    }

    /// Runs `write` for each block of `0..<count` with what `make` made of it, making the next block meanwhile.
    static func pipelined<Block: Sendable>(
        count: Int, blockSize: Int = rowsPerBlock, make: @escaping @Sendable (Range<Int>) -> Block,
        write: (Block) async throws -> Void
    ) async throws {
        func range(from start: Int) -> Range<Int> { start..<min(count, start + blockSize) }
        guard count > 0 else { return }
        var current = range(from: 0)
        var block = make(current)
        while true {
            let following = range(from: current.upperBound)
            if following.isEmpty {
                try await write(block)
                return
            }
            async let made = make(following)
            try await write(block)
            block = await made
            current = following
        }
    }

    private static var upsert: String {
        " ON CONFLICT (customer_id) DO UPDATE SET "
            + (scoreColumns.dropFirst().map { "\($0) = excluded.\($0)" } + [
                "p_alive_previous = customer_scores.p_alive"
            ]).joined(separator: ", ")
    }

    private static func writeScores(
        count: Int, runID: Int64, sqlite connection: SQLiteConnection,
        rows: @escaping @Sendable (Range<Int>) -> [CustomerScoreRow]
    ) async throws {
        let width = CustomerScoreRow.compactValueCount
        let row = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
        // The run id is the same for every row: written once, as a literal.
        let head =
            "INSERT INTO customer_scores (customer_id, p_alive, expected_orders_90d, predicted_clv_12m_minor, "
            + "rfm_recency, rfm_frequency, rfm_monetary, next_order_at, run_id) "
            + "SELECT \(CustomerScoreRow.compactSelectList), \(runID) FROM (VALUES "
        // `WHERE true` tells SQLite's parser that ON CONFLICT starts the upsert, not a join constraint.
        let tail = ") WHERE true" + upsert
        func statement(rows: Int) -> String { head + repeatElement(row, count: rows).joined(separator: ",") + tail }
        let full = statement(rows: sqliteScoreRowsPerStatement)
        try await pipelined(count: count) { range in
            let made = rows(range)
            return made.chunks(ofCount: sqliteScoreRowsPerStatement).map { chunk in
                var binds: [SQLiteData] = []
                binds.reserveCapacity(width * chunk.count)
                for row in chunk { row.appendCompact(to: &binds) }
                return binds
            }
        } write: { statements in
            for binds in statements {
                let rowCount = binds.count / width
                let text = rowCount == sqliteScoreRowsPerStatement ? full : statement(rows: rowCount)
                try await connection.query(text, binds) { _ in }
            }
        }
    }

    private static func writeScores(
        count: Int, runID: Int64, postgres connection: PostgresConnection, logger: Logger,
        rows: @escaping @Sendable (Range<Int>) -> [CustomerScoreRow]
    ) async throws {
        // The arrays carry no NULL elements: absent values travel as NaN or Int64.min ($10) and become NULL again in
        // the SELECT.
        @Sendable func finite(_ value: Double?) -> Double { value.flatMap { $0.isFinite ? $0 : nil } ?? .nan }
        let text =
            """
            INSERT INTO customer_scores (\(scoreColumns.joined(separator: ", ")))
            SELECT id, $1, NULLIF(p_alive, 'NaN'), NULLIF(expected, 'NaN'), NULLIF(clv, $10), recency, frequency,
                monetary, NULLIF(next_order, $10)
            FROM unnest($2::bigint[], $3::float8[], $4::float8[], $5::bigint[], $6::int[], $7::int[], $8::int[],
                $9::bigint[])
                AS s (id, p_alive, expected, clv, recency, frequency, monetary, next_order)
            """ + upsert
        try await pipelined(count: count) { range in
            let block = rows(range)
            var binds = PostgresBindings(capacity: 10)
            binds.append(runID)
            binds.append(block.map(\.customerID))
            binds.append(block.map { finite($0.pAlive) })
            binds.append(block.map { finite($0.expectedOrders90d) })
            binds.append(block.map { $0.predictedClv12mMinor ?? .min })
            binds.append(block.map { Int32($0.rfm.recency) })
            binds.append(block.map { Int32($0.rfm.frequency) })
            binds.append(block.map { Int32($0.rfm.monetary) })
            binds.append(block.map { $0.nextOrderAt ?? .min })
            binds.append(Int64.min)
            return binds
        } write: { binds in
            try await connection.query(PostgresQuery(unsafeSQL: text, binds: binds), logger: logger)
        }
    }
}
