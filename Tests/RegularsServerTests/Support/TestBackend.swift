import Foundation
import Logging
import PostgresKit
import Testing

@testable import RegularsServer

/// The databases a test runs against: always SQLite; PostgreSQL when `REGULARS_TEST_POSTGRES_URL` names a server
/// (`.ci/run` and `scripts/with-postgres.sh` start one).
enum TestBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["REGULARS_TEST_POSTGRES_URL"]
    static var available: [TestBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A fresh, migrated-on-use database of this kind: a new SQLite file, or a new PostgreSQL schema.
    func makeDatabase(maxConnections: Int = 4) async throws -> TestDatabase {
        let logger = Logger(label: "test.db")
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "regulars-test-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("test.sqlite").path
            let database = try Database.open(.sqlite(path: path), maxConnections: maxConnections, logger: logger)
            return TestDatabase(database: database, url: .sqlite(path: path)) {
                try? FileManager.default.removeItem(at: directory)
            }
        case .postgres:
            guard let url = Self.postgresURL else { throw TestSetupError.postgresNotConfigured }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try Database.open(.postgres(url: url), maxConnections: 1, logger: logger)
            try await admin.read { sql in try await sql.raw("CREATE SCHEMA \(unsafeRaw: String(schema))").run() }
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = [String(schema)]
            let database = try Database.pooledPostgres(configuration, maxConnections: maxConnections, logger: logger)
            return TestDatabase(database: database, url: .postgres(url: url), schema: String(schema)) {
                try? await admin.read { sql in
                    try await sql.raw("DROP SCHEMA \(unsafeRaw: String(schema)) CASCADE").run()
                }
                try? await admin.shutdown()
            }
        }
    }
}

enum TestSetupError: Error {
    case postgresNotConfigured
}

/// A test's own database and how to throw it away.
struct TestDatabase: Sendable {
    let database: Database
    let url: DatabaseURL
    var schema: String? = nil
    let cleanup: @Sendable () async -> Void

    init(database: Database, url: DatabaseURL, schema: String? = nil, cleanup: @escaping @Sendable () async -> Void) {
        self.database = database
        self.url = url
        self.schema = schema
        self.cleanup = cleanup
    }

    /// A second, independent connection pool to the same database: what another instance (or, for SQLite, another
    /// process) of Regulars would open.
    func openAnother(maxConnections: Int = 4) throws -> Database {
        let logger = Logger(label: "test.db.other")
        switch url {
        case .sqlite(let path):
            return try Database.open(.sqlite(path: path), maxConnections: maxConnections, logger: logger)
        case .postgres(let text):
            var configuration = try SQLPostgresConfiguration(url: text)
            if let schema { configuration.searchPath = [schema] }
            return try Database.pooledPostgres(configuration, maxConnections: maxConnections, logger: logger)
        }
    }

    func migrate() async throws {
        try await Migrator(database: database, migrations: Migration.all, logger: Logger(label: "test")).migrate()
    }

    func close() async {
        try? await database.shutdown()
        await cleanup()
    }
}

/// Runs `body` with a migrated database of `backend`, closed and removed afterwards.
func withDatabase<T: Sendable>(_ backend: TestBackend, _ body: (Database) async throws -> T) async throws -> T {
    try await withTestDatabase(backend) { test in
        try await test.migrate()
        return try await body(test.database)
    }
}

/// Runs `body` with a new, empty database of `backend`, closed and removed afterwards.
func withTestDatabase<T: Sendable>(_ backend: TestBackend, _ body: (TestDatabase) async throws -> T) async throws -> T {
    let test = try await backend.makeDatabase()
    do {
        let result = try await body(test)
        await test.close()
        return result
    } catch {
        await test.close()
        throw error
    }
}
