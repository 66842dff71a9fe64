import SQLKit

/// Records refresh runs. Starting one is a single conditional insert against a unique index on running runs, so on
/// any number of instances at most one refresh runs at a time. A running refresh beats a heartbeat at every step; one
/// silent for five minutes (its instance crashed or was killed) is marked failed before a new one starts.
struct AnalyticsRunStore: Sendable {
    let database: Database
    static let staleAfterMilliseconds: Int64 = 5 * 60 * 1000

    /// The new run, or `nil` when another is running.
    func start(triggeredBy: String, at now: Instant) async throws -> AnalyticsRun? {
        try await database.write { sql in
            try await sql.raw(
                """
                UPDATE analytics_runs SET status = 'failed', finished_at = \(bind: now.milliseconds),
                    error = 'abandoned: no heartbeat for five minutes'
                WHERE status = 'running' AND heartbeat_at < \(bind: now.milliseconds - Self.staleAfterMilliseconds)
                """
            ).run()
            return try await sql.raw(
                """
                INSERT INTO analytics_runs (status, triggered_by, started_at, heartbeat_at)
                VALUES ('running', \(bind: triggeredBy), \(bind: now.milliseconds), \(bind: now.milliseconds))
                ON CONFLICT DO NOTHING
                RETURNING id, status, triggered_by, started_at, finished_at, customers, model, error
                """
            ).first(decoding: AnalyticsRun.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    func finish(
        _ id: Int64, succeeded: Bool, customers: Int?, model: String?, report: String?, error: String?,
        on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            UPDATE analytics_runs SET status = \(bind: succeeded ? "succeeded" : "failed"),
                finished_at = \(bind: Instant.now.milliseconds), customers = \(bind: customers), model = \(bind: model),
                report = \(bind: report), error = \(bind: error)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    func heartbeat(_ id: Int64) async throws {
        try await database.write { sql in
            try await sql.raw(
                "UPDATE analytics_runs SET heartbeat_at = \(bind: Instant.now.milliseconds) WHERE id = \(bind: id)"
            ).run()
        }
    }

    func latest() async throws -> AnalyticsRun? {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, status, triggered_by, started_at, finished_at, customers, model, error
                FROM analytics_runs ORDER BY id DESC LIMIT 1
                """
            ).first(decoding: AnalyticsRun.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// The report (fitted models) of the latest successful run, as stored JSON.
    func latestReport() async throws -> String? {
        try await database.read { sql in
            try await sql.raw(
                "SELECT report FROM analytics_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1"
            ).first(decodingColumn: "report", as: String?.self) ?? nil
        }
    }
}
