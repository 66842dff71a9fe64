import ArgumentParser
import Foundation
import RegularsServer
import RegularsStats

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that print figures.",
        subcommands: [CLV.self, Ingest.self, Analytics.self, Loyalty.self])

    struct CLV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clv",
            abstract: "Time the whole CLV pipeline on a synthetic BG/NBD + Gamma-Gamma log, beside Python lifetimes.",
            discussion: """
                Generates a seeded transaction log, times summaries, BG/NBD and Gamma-Gamma fits, 52-week expected \
                purchases, P(alive) and 12-month CLV for every customer in-process, writes the same log as CSV and runs \
                scripts/bench_clv_lifetimes.py (pip install lifetimes) on it, then prints both and their ratios.
                """)

        @Option(help: "Number of customers.") var customers = 1_000_000
        @Option(help: "Seed of the synthetic log.") var seed: UInt64 = 42
        @Option(help: "Where to write the CSV for lifetimes.") var csv = FileManager.default.temporaryDirectory
            .appendingPathComponent("regulars-bench-clv.csv").path
        @Flag(help: "Skip the Python lifetimes comparison.") var skipLifetimes = false

        func run() throws {
            let result = try CLVBenchmark.run(customers: customers, seed: seed, csvPath: csv)
            let ownPeakMiB = Self.peakResidentMiB()
            print("RegularsStats, \(result.customers) customers, \(result.transactions) transactions")
            print(
                String(
                    format: "  pipeline %.3f s (summaries %.3f, BG/NBD %.3f, Gamma-Gamma %.3f, predictions %.3f)",
                    result.pipelineSeconds, result.summarySeconds, result.bgnbdFitSeconds, result.gammaGammaFitSeconds,
                    result.predictionSeconds))
            print(
                String(
                    format: "  peak RSS %.0f MiB (whole process, including generating the log and writing the CSV)",
                    ownPeakMiB))
            print("  BG/NBD \(result.bgnbd), Gamma-Gamma \(result.gammaGamma)")
            guard !skipLifetimes else { return }
            let reference = try Self.runLifetimes(csv: csv)
            let seconds = reference["pipeline_seconds"] as? Double ?? .nan
            let peak = reference["peak_rss_mib"] as? Double ?? .nan
            print("lifetimes")
            print(String(format: "  pipeline %.3f s, peak RSS %.0f MiB", seconds, peak))
            print(
                String(
                    format: "ratio: %.1fx faster, %.1fx less memory (targets: >= 50x, >= 8x)",
                    seconds / result.pipelineSeconds, peak / ownPeakMiB))
            let theirs = reference["bgnbd"] as? [String: Double] ?? [:]
            let ours = ["r": result.bgnbd.r, "alpha": result.bgnbd.alpha, "a": result.bgnbd.a, "b": result.bgnbd.b]
            let worst = ours.map { key, value in abs(value - (theirs[key] ?? .nan)) / abs(value) }.max() ?? .nan
            print(String(format: "largest relative BG/NBD parameter difference: %.2e (target <= 1e-4)", worst))
        }

        static func peakResidentMiB() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_maxrss) / 1024
        }

        static func runLifetimes(csv: String) throws -> [String: Any] {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scripts/bench_clv_lifetimes.py")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, csv]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { throw ValidationError("lifetimes failed (pip install lifetimes?)") }
            return object
        }
    }

    struct Loyalty: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "loyalty",
            abstract: "Drive mixed earn/redeem/balance traffic over HTTP on loopback; print throughput and p50/p99.",
            discussion: """
                Creates customers with points and a reward in a fresh SQLite file (or the PostgreSQL database named by \
                --database-url: use a throwaway one), serves on loopback, sends mixed traffic from concurrent clients, \
                then balance reads at a fixed rate (open loop), and finally checks every ledger.
                """)

        @Option(help: "A database URL (sqlite:PATH or postgres://…); default: a new SQLite file.") var databaseURL:
            String?
        @Option(help: "Customers with points.") var customers = 1_000
        @Option(help: "Requests in the mixed phase.") var requests = 20_000
        @Option(help: "Concurrent clients in the mixed phase.") var concurrency = 32
        @Option(help: "Balance reads per second in the fixed-rate phase.") var readRate = 1_000
        @Option(help: "Seconds of the fixed-rate phase.") var readSeconds = 10

        func run() async throws {
            let url: DatabaseURL
            if let databaseURL {
                guard let parsed = DatabaseURL(databaseURL) else {
                    throw ValidationError("--database-url must be sqlite:PATH or postgres://…")
                }
                url = parsed
            } else {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "regulars-bench-loyalty-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                url = .sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
            }
            try await LoyaltyBenchmark.run(
                databaseURL: url,
                options: .init(
                    customers: customers, requests: requests, concurrency: concurrency, readRate: readRate,
                    readSeconds: readSeconds)
            ) { print($0) }
        }
    }
}
