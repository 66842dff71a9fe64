@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
@preconcurrency import PostgresKit
import SQLKit
import SQLiteKit

extension Database {
    /// Opens a pool for `url`. SQLite connections run in WAL mode with foreign keys on, `synchronous=NORMAL` (durable
    /// across a process crash: WAL frames are in the OS before a commit returns), a bounded busy timeout, and
    /// temporary storage — such as the statement journal of a many-row upsert — in memory rather than in files.
    public static func open(
        _ url: DatabaseURL, maxConnections: Int = 8, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws -> Database {
        switch url {
        case .sqlite(let path):
            let source = TunedSQLiteSource(
                inner: SQLiteConnectionSource(
                    configuration: SQLiteConfiguration(storage: .file(path: path), enableForeignKeys: true),
                    threadPool: SQLiteThreads.pool))
            return pooled(
                source, dialect: .sqlite, maxConnections: maxConnections, logger: logger,
                eventLoopGroup: eventLoopGroup, sql: { $0.sql() }, driver: { .sqlite($0) })
        case .postgres(let text):
            return try pooledPostgres(
                try SQLPostgresConfiguration(url: text), maxConnections: maxConnections, logger: logger,
                eventLoopGroup: eventLoopGroup)
        }
    }

    /// A PostgreSQL pool whose connections see `searchPath` first; tests give each run its own schema this way.
    public static func pooledPostgres(
        _ configuration: SQLPostgresConfiguration, maxConnections: Int, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws -> Database {
        pooled(
            PostgresConnectionSource(sqlConfiguration: configuration), dialect: .postgres,
            maxConnections: maxConnections, logger: logger, eventLoopGroup: eventLoopGroup, sql: { $0.sql() },
            driver: { .postgres($0) })
    }

    private static func pooled<Source: ConnectionPoolSource & SendableMetatype>(
        _ source: Source, dialect: SQLDialectKind, maxConnections: Int, logger: Logger,
        eventLoopGroup: any EventLoopGroup, sql: @escaping @Sendable (Source.Connection) -> any SQLDatabase,
        driver: @escaping @Sendable (Source.Connection) -> DriverConnection
    ) -> Database where Source.Connection: Sendable {
        let loops = max(1, eventLoopGroup.makeIterator().reduce(0) { count, _ in count + 1 })
        let pool = SendablePool(
            EventLoopGroupConnectionPool(
                source: source, maxConnectionsPerEventLoop: max(1, maxConnections / loops),
                requestTimeout: .seconds(30), pruneInterval: nil, logger: logger, on: eventLoopGroup))
        let gauge = PoolGauge(dialect: dialect)
        return Database(
            dialect: dialect, writeGate: dialect == .sqlite ? WriteGate() : nil,
            acquire: {
                let connection = try await pool.pool.requestConnection(logger: logger).get()
                gauge.acquired()
                return PooledConnection(
                    sql: sql(connection), driver: driver(connection),
                    release: {
                        gauge.released()
                        pool.pool.releaseConnection(connection, logger: logger)
                    })
            },
            close: { try await pool.pool.shutdownAsync() })
    }
}

/// Opens SQLite connections and sets the pragmas every connection needs before it is handed out.
struct TunedSQLiteSource: ConnectionPoolSource, Sendable {
    let inner: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        inner.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            let pragmas = [
                "PRAGMA busy_timeout = 10000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY",
            ]
            return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { chain, pragma in
                chain.flatMap { connection.query(pragma).map { _ in } }
            }.map { connection }
        }
    }
}

/// `EventLoopGroupConnectionPool` guards its state with a lock but predates `Sendable`; this box says so.
private final class SendablePool<Source: ConnectionPoolSource>: @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<Source>
    init(_ pool: EventLoopGroupConnectionPool<Source>) { self.pool = pool }
}

/// The threads SQLite's blocking calls run on: more than NIO's shared pool (one per core), so a long write never
/// leaves reads waiting for a thread. Started once and kept for the life of the process.
enum SQLiteThreads {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()
}
