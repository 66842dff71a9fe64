import ArgumentParser
import Foundation
import RegularsServer

extension Bench {
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Time \"Order Completed\" events through /v1/batch against the same rows inserted directly.",
            discussion: """
                Starts the server in-process on a loopback port with a fresh database, posts the events in batches \
                from concurrent HTTP clients and prints events/s and the p50/p99 batch latency; then inserts the same \
                customers, events, orders and lines straight into another fresh database with SQLKit and prints that \
                rate and the ratio (target: ingest >= 0.5x raw). SQLite files go to the temporary directory; with \
                --database-url postgres://… both runs use new schemas in that database. Build with -c release; set \
                REGULARS_LOG_LEVEL=warning to keep request logs out of the measurement.
                """)

        @Option(help: "Number of events.") var events = 100_000
        @Option(help: "Messages per /v1/batch request.") var batchSize = 100
        @Option(help: "Concurrent clients.") var clients = 8
        @Option(help: "postgres://… to measure PostgreSQL (new schemas, dropped afterwards); default SQLite.")
        var databaseURL: String?

        func validate() throws {
            guard events > 0, (1...500).contains(batchSize), (1...256).contains(clients) else {
                throw ValidationError("--events > 0, --batch-size 1...500, --clients 1...256")
            }
            if let databaseURL, !databaseURL.hasPrefix("postgres://"), !databaseURL.hasPrefix("postgresql://") {
                throw ValidationError("--database-url must be postgres://user:password@host:port/database")
            }
        }

        func run() async throws {
            var benchmark = IngestBenchmark()
            benchmark.events = events
            benchmark.batchSize = batchSize
            benchmark.clients = clients
            benchmark.postgresURL = databaseURL
            let result = try await RegularsRunner.benchIngest(benchmark) { step in
                FileHandle.standardError.write(Data("bench: \(step)\n".utf8))
            }
            print(
                "ingest via /v1/batch (\(result.backend)): \(result.events) events in "
                    + String(
                        format: "%.2f s = %.0f events/s; batch latency p50 %.1f ms, p99 %.1f ms", result.ingestSeconds,
                        result.ingestEventsPerSecond, result.batchLatencyP50Milliseconds,
                        result.batchLatencyP99Milliseconds)
                    + " (\(result.clients) clients, \(result.batchSize) per batch)")
            print(
                "raw SQLKit inserts (\(result.backend)): \(result.events) events in "
                    + String(format: "%.2f s = %.0f events/s", result.rawSeconds, result.rawEventsPerSecond))
            print(String(format: "ratio ingest/raw: %.2f (target >= 0.5)", result.ratio))
        }
    }
}
