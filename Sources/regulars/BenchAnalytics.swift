import ArgumentParser
import Foundation
import RegularsServer

extension Bench {
    struct Analytics: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analytics",
            abstract: "Time full analytics refreshes on a seeded synthetic store in SQLite or PostgreSQL.",
            discussion: """
                Loads a synthetic store (customers, orders, and the aggregates and rollups ingest maintains) into a \
                fresh SQLite file — or, with --database-url postgres://…, a fresh schema of that database — then \
                times full refreshes (cohorts and monthly metrics from the rollups, customer aggregates, BG/NBD and \
                Gamma-Gamma fits, RFM, holdout check, every score written) and prints each step's time. Build with \
                -c release for meaningful figures.
                """)

        @Option(help: "Number of orders.") var orders = 10_000_000
        @Option(help: "Number of customers.") var customers = 1_000_000
        @Option(help: "Seed of the synthetic store.") var seed: UInt64 = 42
        @Option(help: "A postgres:// URL: bench PostgreSQL (in a new schema) instead of SQLite.") var databaseUrl:
            String?
        @Option(help: "Where the SQLite file goes.") var sqlitePath = FileManager.default.temporaryDirectory
            .appendingPathComponent("regulars-bench-analytics.sqlite").path
        @Option(help: "How many refreshes to time (the second and later upsert over existing scores).")
        var refreshes = 2
        @Flag(help: "Keep the database (file or schema) afterwards.") var keep = false
        @Flag(help: "Reuse (and keep) the SQLite store a --keep run left at --sqlite-path instead of generating one.")
        var reuseStore = false

        func validate() throws {
            guard customers >= 1, orders >= customers else {
                throw ValidationError("--orders must be at least --customers, and --customers at least 1")
            }
            if let databaseUrl, !databaseUrl.hasPrefix("postgres://"), !databaseUrl.hasPrefix("postgresql://") {
                throw ValidationError("--database-url must be a postgres:// URL (SQLite is the default)")
            }
        }

        func run() async throws {
            try await RegularsRunner.benchAnalytics(
                orders: orders, customers: customers, seed: seed, sqlitePath: sqlitePath, postgresURL: databaseUrl,
                refreshes: refreshes, keep: keep, reuse: reuseStore
            ) { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        }
    }
}
