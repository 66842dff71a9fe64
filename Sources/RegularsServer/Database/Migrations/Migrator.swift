import Logging
import SQLKit

/// Applies pending migrations in one transaction under a lock, so two instances starting together cannot both migrate:
/// PostgreSQL takes a transaction-scoped advisory lock; SQLite's `BEGIN IMMEDIATE` is already an exclusive write lock.
struct Migrator: Sendable {
    let database: Database
    let migrations: [Migration]
    let logger: Logger

    static let advisoryLockKey: Int64 = 0x5245_4755_4C41_5253  // "REGULARS"

    /// Returns the versions applied by this call (empty when the schema was already current).
    @discardableResult
    func migrate() async throws -> [Int] {
        let dialect = database.dialect
        let migrations = self.migrations
        let logger = self.logger
        return try await database.write { sql in
            if dialect == .postgres {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryLockKey))").run()
            }
            try await sql.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """
            ).run()
            let applied = Set(
                try await sql.raw("SELECT version FROM schema_migrations").all(decodingColumn: "version", as: Int.self))
            var appliedNow: [Int] = []
            for migration in migrations.sorted(by: { $0.version < $1.version })
            where !applied.contains(migration.version) {
                for statement in migration.statements(dialect) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                try await sql.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Instant.now.milliseconds))
                    """
                ).run()
                logger.info(
                    "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                appliedNow.append(migration.version)
            }
            return appliedNow
        }
    }
}
