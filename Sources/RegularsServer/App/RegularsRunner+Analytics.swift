import Foundation
import Logging
import PostgresKit
import RegularsCore
import SQLKit

extension RegularsRunner {
    /// `regulars analyze`: one analytics refresh now; `progress` hears each step (number, count, name) as it starts.
    public static func analyze(progress: @escaping @Sendable (Int, Int, String) -> Void) async throws -> String {
        try await withApplication(hostname: nil, port: nil) { app in
            let refresher = app.regulars.analyticsRefresher(logger: app.logger)
            let started = ContinuousClock.now
            do {
                let outcome = try await refresher.refresh(triggeredBy: "cli") { step in
                    progress(step.number, step.count, step.name)
                }
                return String(
                    format: "Scored %d customers with %@ in %.2f s.", outcome.customers, outcome.model,
                    (ContinuousClock.now - started).seconds)
            } catch AnalyticsRefresher.RefreshError.alreadyRunning {
                throw ConfigurationError(variable: "analyze", problem: "another refresh is running; try again later")
            }
        }
    }

    /// `regulars bench analytics`: loads a synthetic store of `orders` orders and `customers` customers into a fresh
    /// SQLite file at `sqlitePath` (or a fresh schema of the PostgreSQL database at `postgresURL`), then times
    /// `refreshes` full analytics refreshes, reporting every line through `output`. The database is removed
    /// afterwards unless `keep`, or `reuse` found a store to reuse there.
    public static func benchAnalytics(
        orders: Int, customers: Int, seed: UInt64, sqlitePath: String, postgresURL: String?, refreshes: Int,
        keep: Bool, reuse: Bool = false, output: @escaping @Sendable (String) -> Void
    ) async throws {
        var logger = Logger(label: "regulars.bench")
        logger.logLevel = .warning
        let database: Database
        var cleanup: @Sendable () async -> Void = {}
        var reusing = false
        if let postgresURL {
            let schema = "regulars_bench_\(UInt32.random(in: 0...UInt32.max))"
            let admin = try Database.open(.postgres(url: postgresURL), maxConnections: 1, logger: logger)
            try await admin.read { sql in try await sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            var configuration = try SQLPostgresConfiguration(url: postgresURL)
            configuration.searchPath = [schema]
            database = try Database.pooledPostgres(configuration, maxConnections: 4, logger: logger)
            output("PostgreSQL, schema \(schema)")
            cleanup = {
                if !keep {
                    try? await admin.read { sql in try await sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
                }
                try? await admin.shutdown()
            }
        } else {
            reusing = reuse && FileManager.default.fileExists(atPath: sqlitePath)
            if !reusing {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
            }
            database = try Database.open(.sqlite(path: sqlitePath), maxConnections: 4, logger: logger)
            output("SQLite, \(sqlitePath)")
            cleanup = { [reusing] in
                if !keep && !reusing {
                    for suffix in ["", "-wal", "-shm"] {
                        try? FileManager.default.removeItem(atPath: sqlitePath + suffix)
                    }
                }
            }
        }
        do {
            try await Migrator(database: database, migrations: Migration.all, logger: logger).migrate()
            let now = Instant.now
            let bench = AnalyticsBenchmark(orders: orders, customers: customers, seed: seed)
            if reusing {
                output("store: reused from an earlier --keep run (its orders and customers, scored as of now)")
            } else {
                let loadStarted = ContinuousClock.now
                let lastReport = TenthsReporter()
                let load = try await bench.load(into: database, now: now) { customersDone, ordersDone in
                    if lastReport.due(customersDone, of: customers) {
                        output(
                            String(
                                format: "  loaded %d customers, %d orders (%.0f orders/s)", customersDone, ordersDone,
                                Double(ordersDone) / max(0.001, (ContinuousClock.now - loadStarted).seconds)))
                    }
                }
                output(
                    String(
                        format:
                            "store: %d customers, %d orders, %d customer-month rollup rows; generated and inserted in %.1f s (%.0f orders/s), indexes built in %.1f s",
                        load.customers, load.orders, load.customerMonths, load.generateAndInsertSeconds,
                        Double(load.orders) / max(0.001, load.generateAndInsertSeconds), load.indexSeconds))
            }
            guard let usd = CurrencyCode("USD") else {
                throw ConfigurationError(variable: "currency", problem: "USD is not a known currency")
            }
            let refresher = AnalyticsRefresher(database: database, baseCurrency: usd, logger: logger)
            for number in 1...max(1, refreshes) {
                let started = ContinuousClock.now
                let outcome = try await refresher.refresh(triggeredBy: "bench", now: now)
                let total = (ContinuousClock.now - started).seconds
                output(
                    String(
                        format: "refresh %d (%@): %.3f s for %d customers, model %@", number,
                        number == 1 && !reusing ? "scores inserted" : "scores upserted over the previous run's", total,
                        outcome.customers, outcome.model))
                for phase in outcome.phases {
                    output(
                        "  " + phase.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                            + String(format: " %7.3f s", phase.seconds))
                }
            }
            try await database.shutdown()
            await cleanup()
        } catch {
            try? await database.shutdown()
            await cleanup()
            throw error
        }
    }
}
