import Foundation
import Logging
import PostgresKit
import SQLKit
import Testing

@testable import RegularsServer

@Suite struct DatabaseTests {
    @Test(arguments: TestBackend.available)
    func migratingTwiceAppliesEachStepOnce(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { test in
            let migrator = Migrator(database: test.database, migrations: Migration.all, logger: Logger(label: "test"))

            let first = try await migrator.migrate()
            let second = try await migrator.migrate()

            #expect(first == Migration.all.map(\.version))
            #expect(second.isEmpty)
            #expect(try await Sample.count("schema_migrations", on: test.database) == Migration.all.count)
        }
    }

    @Test(arguments: TestBackend.available)
    func compactingTheScoresKeepsEveryScoreAndDropsTheSegmentIndex(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { test in
            // Setup: a store at version 7 with one scored customer.
            try await Self.storeWithOneScore(atVersion: 7, on: test.database)

            // Action: migrate to version 8.
            let applied = try await Migrator(
                database: test.database, migrations: Migration.all.filter { $0.version <= 8 },
                logger: Logger(label: "test")
            ).migrate()

            // Check: the row is unchanged, and no segment index is left.
            #expect(applied == [8])
            let row = try await test.database.read { sql in
                try await sql.raw(
                    """
                    SELECT customer_id || ' ' || run_id || ' ' || model || ' ' || p_alive || ' ' || expected_orders_90d
                        || ' ' || predicted_clv_12m_minor || ' ' || churn_risk || ' ' || rfm_recency || ' ' || rfm_frequency
                        || ' ' || rfm_monetary || ' ' || rfm_segment || ' ' || next_order_at || ' ' || p_alive_previous AS row
                    FROM customer_scores
                    """
                ).all(decodingColumn: "row", as: String.self)
            }
            #expect(row == ["41 3 bgnbd+gamma_gamma 0.25 1.5 12345 high 2 3 4 At risk 99 0.5"])
            let indexes = try await test.database.read { sql in
                let query =
                    backend == .sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'customer_scores_segment'"
                    : "SELECT indexname AS name FROM pg_indexes WHERE indexname = 'customer_scores_segment'"
                return try await sql.raw(SQLQueryString(query)).all(decodingColumn: "name", as: String.self)
            }
            #expect(indexes.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func scoresKeepTheirNumbersAndReadersDeriveTheWordsTheyNoLongerStore(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { test in
            // Setup: a store at version 8 with one customer scored by run 3.
            try await Self.storeWithOneScore(atVersion: 8, on: test.database)

            // Action: migrate to the current version, and read the customer's scores as the API does.
            let applied = try await Migrator(
                database: test.database, migrations: Migration.all, logger: Logger(label: "test")
            ).migrate()
            let scores = try await CustomerScores.load(customerID: 41, database: test.database, currency: "USD")

            // Check: the numbers are unchanged, the words are gone from the table and derived again on reading.
            #expect(applied == [9])
            let row = try await test.database.read { sql in
                try await sql.raw(
                    """
                    SELECT customer_id || ' ' || run_id || ' ' || p_alive || ' ' || expected_orders_90d || ' '
                        || predicted_clv_12m_minor || ' ' || rfm_recency || ' ' || rfm_frequency || ' ' || rfm_monetary
                        || ' ' || next_order_at || ' ' || p_alive_previous AS row
                    FROM customer_scores
                    """
                ).all(decodingColumn: "row", as: String.self)
            }
            #expect(row == ["41 3 0.25 1.5 12345 2 3 4 99 0.5"])
            for column in ["model", "churn_risk", "rfm_segment"] {
                await #expect(throws: (any Error).self) {
                    try await test.database.read { sql in
                        try await sql.raw("SELECT \(unsafeRaw: column) FROM customer_scores").run()
                    }
                }
            }
            #expect(scores?.model == "bgnbd+gamma_gamma")
            #expect(scores?.churnRisk == "high")
            #expect(scores?.rfm.segment == "At risk")
        }
    }

    /// Migrates `database` to `version` (7 or 8: the same score columns) and scores customer 41 in run 3.
    private static func storeWithOneScore(atVersion version: Int, on database: Database) async throws {
        let migrations = Migration.all.filter { $0.version <= version }
        try await Migrator(database: database, migrations: migrations, logger: Logger(label: "test")).migrate()
        try await database.write { sql in
            try await sql.raw("INSERT INTO customers (id, created_at, updated_at) VALUES (41, 0, 0)").run()
            try await sql.raw(
                """
                INSERT INTO analytics_runs (id, status, triggered_by, started_at, heartbeat_at, model)
                VALUES (3, 'succeeded', 'test', 0, 0, 'bgnbd+gamma_gamma')
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO customer_scores (customer_id, run_id, model, p_alive, expected_orders_90d,
                    predicted_clv_12m_minor, churn_risk, rfm_recency, rfm_frequency, rfm_monetary, rfm_segment,
                    next_order_at, p_alive_previous)
                VALUES (41, 3, 'bgnbd+gamma_gamma', 0.25, 1.5, 12345, 'high', 2, 3, 4, 'At risk', 99, 0.5)
                """
            ).run()
        }
    }

    @Test(arguments: TestBackend.available)
    func twoInstancesStartingTogetherMigrateOnce(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { test in
            let other = try await backend.secondPool(for: test)

            async let a = Migrator(database: test.database, migrations: Migration.all, logger: Logger(label: "a"))
                .migrate()
            async let b = Migrator(database: other, migrations: Migration.all, logger: Logger(label: "b")).migrate()
            let applied = try await [a, b]
            try await other.shutdown()

            #expect(applied.map(\.count).sorted() == [0, Migration.all.count])
            #expect(try await Sample.count("schema_migrations", on: test.database) == Migration.all.count)
        }
    }

    @Test func sqliteConnectionsRunInWALWithForeignKeys() async throws {
        try await withDatabase(.sqlite) { database in
            let (journal, foreignKeys) = try await database.read { sql in
                (
                    try await sql.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self),
                    try await sql.raw("PRAGMA foreign_keys").first(decodingColumn: "foreign_keys", as: Int.self)
                )
            }

            #expect(journal == "wal")
            #expect(foreignKeys == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailedWriteLeavesNothingBehind(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            struct Boom: Error {}

            await #expect(throws: Boom.self) {
                try await database.write { sql in
                    try await sql.raw("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 0)").run()
                    throw Boom()
                }
            }

            let remaining = try await Sample.count("settings", on: database)
            #expect(remaining == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentWritersAllCommit(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await database.write { sql in
                            let current =
                                try await sql.raw("SELECT COUNT(*) AS n FROM settings").first(
                                    decodingColumn: "n", as: Int.self) ?? 0
                            try await sql.raw(
                                "INSERT INTO settings (key, value, updated_at) VALUES (\(bind: "k\(index)"), \(bind: String(current)), 0)"
                            ).run()
                        }
                    }
                }
                try await group.waitForAll()
            }

            #expect(try await Sample.count("settings", on: database) == 40)
        }
    }
}

extension TestBackend {
    /// Another pool on the same database, as a second instance would open.
    func secondPool(for test: TestDatabase) async throws -> Database {
        switch test.url {
        case .sqlite:
            return try Database.open(test.url, maxConnections: 2, logger: Logger(label: "second"))
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = test.schema.map { [$0] }
            return try Database.pooledPostgres(configuration, maxConnections: 2, logger: Logger(label: "second"))
        }
    }
}
