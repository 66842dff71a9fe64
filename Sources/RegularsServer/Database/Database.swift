import Foundation
import Logging
import NIOCore
import SQLKit

/// A pool of connections to SQLite or PostgreSQL, used through explicit SQL.
///
/// `read` runs on any pooled connection; `write` wraps its body in one transaction (`BEGIN IMMEDIATE` on SQLite) that
/// commits when the body returns and rolls back when it throws, so a failed request never leaves a partial write.
public struct Database: Sendable {
    public let dialect: SQLDialectKind
    /// Serialises write transactions on SQLite; PostgreSQL takes row locks instead and needs none.
    let writeGate: WriteGate?
    let acquire: @Sendable () async throws -> PooledConnection
    let close: @Sendable () async throws -> Void

    struct PooledConnection: Sendable {
        let sql: any SQLDatabase
        let driver: DriverConnection
        let release: @Sendable () -> Void
    }

    public func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await read { sql, _ in try await body(sql) }
    }

    /// `read` that also hands the body the driver connection under `sql`.
    func read<T: Sendable>(_ body: (any SQLDatabase, DriverConnection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        defer { connection.release() }
        return try await body(connection.sql, connection.driver)
    }

    public func write<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await write { sql, _ in try await body(sql) }
    }

    /// `write` that also hands the body the driver connection under `sql`, in the same transaction.
    func write<T: Sendable>(_ body: (any SQLDatabase, DriverConnection) async throws -> T) async throws -> T {
        if let writeGate {
            await writeGate.enter()
            do {
                let result = try await transaction(body)
                await writeGate.leave()
                return result
            } catch {
                await writeGate.leave()
                throw error
            }
        }
        return try await transaction(body)
    }

    private func transaction<T: Sendable>(_ body: (any SQLDatabase, DriverConnection) async throws -> T)
        async throws -> T
    {
        let connection = try await acquire()
        defer { connection.release() }
        let sql = connection.sql
        try await sql.raw(SQLQueryString(dialect.beginWrite)).run()
        do {
            let result = try await body(sql, connection.driver)
            try await sql.raw("COMMIT").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Closes the pool. On SQLite it first empties the write-ahead log into the database file, so the next process
    /// to open it has no log to read back; SQLite's own checkpoint on closing the last connection is skipped when
    /// the pool's connections close at the same time.
    public func shutdown() async throws {
        if dialect == .sqlite {
            _ = try? await read { sql in try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        }
        try await close()
    }
}
