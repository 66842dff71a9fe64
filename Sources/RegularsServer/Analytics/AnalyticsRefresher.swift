import Foundation
import Logging
import RegularsCore
import RegularsStats
import SQLKit

/// Recomputes the cohort matrix and monthly KPIs from the rollups and every customer's scores from the running
/// aggregates — never from all orders — and replaces the scores in one transaction, so readers see the previous
/// scores until the new ones are complete. How customers are scored: `CustomerScorePlan`.
struct AnalyticsRefresher: Sendable {
    let database: Database
    let baseCurrency: CurrencyCode
    let logger: Logger

    struct Outcome: Sendable {
        var run: AnalyticsRun
        var customers: Int
        var model: String
        /// Wall-clock seconds of each step, in order.
        var phases: [(name: String, seconds: Double)] = []
    }

    /// One step of a refresh, for progress displays: step `number` of `count`.
    struct Step: Sendable, CustomStringConvertible {
        var number: Int
        var count: Int
        var name: String

        var description: String { "[\(number)/\(count)] \(name)" }
    }

    enum RefreshError: Error, Equatable {
        case alreadyRunning
    }

    struct AggregateRow: Decodable, Sendable {
        var id: Int64
        var orderCount: Int
        var orderDays: Int
        var firstOrderAt: Int64
        var lastOrderAt: Int64
        var netRevenueMinor: Int64
        var firstOrderNetMinor: Int64
    }

    struct Report: Codable, Sendable {
        var customers: Int
        var repeatCustomers: Int
        var observedAt: String
        var fit: CLVFitReport?
        var error: String?
        var holdout: HoldoutCheck?
        var holdoutError: String?
        /// Retention in the last complete month and the one before (`MonthRetention`); absent in older reports.
        var retention: [MonthRetention]?
    }

    static let stepNames = [
        "cohorts and monthly metrics from the rollups", "customer aggregates", "models and RFM",
        "predictions, written as they are made", "holdout check and retention (run alongside)",
    ]

    private static func outcome<T: Sendable>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    /// Runs one refresh, or throws `alreadyRunning` when another instance or request is refreshing.
    func refresh(triggeredBy: String, now: Instant = .now, progress: @Sendable (Step) -> Void = { _ in })
        async throws -> Outcome
    {
        let run = try await start(triggeredBy: triggeredBy, at: now)
        return try await perform(run, now: now, progress: progress)
    }

    /// Records a new running refresh, or throws `alreadyRunning`.
    func start(triggeredBy: String, at now: Instant = .now) async throws -> AnalyticsRun {
        guard let run = try await AnalyticsRunStore(database: database).start(triggeredBy: triggeredBy, at: now) else {
            throw RefreshError.alreadyRunning
        }
        return run
    }

    /// Does the work of a started refresh and records how it ended: reads the cohort rollups and the per-customer
    /// aggregates (never the orders, except a bounded sample's for the holdout check), fits the models, and upserts
    /// every customer's scores in one transaction, keeping the previous P(alive) beside the new one.
    func perform(_ run: AnalyticsRun, now: Instant = .now, progress: @Sendable (Step) -> Void = { _ in })
        async throws -> Outcome
    {
        let runs = AnalyticsRunStore(database: database)
        var phases: [(name: String, seconds: Double)] = []
        var lapStart = ContinuousClock.now
        func step(_ index: Int) {
            progress(Step(number: index + 1, count: Self.stepNames.count, name: Self.stepNames[index]))
        }
        func lap(_ index: Int) {
            let elapsed = ContinuousClock.now - lapStart
            phases.append((Self.stepNames[index], elapsed.seconds))
            lapStart = ContinuousClock.now
        }
        do {
            step(0)
            let rollup = try await CohortRollup.load(database: database, asOf: now)
            lap(0)
            step(1)
            let rows = try await Self.loadAggregates(from: database)
            try await runs.heartbeat(run.id)
            lap(1)
            step(2)
            // The holdout check reads its sample of orders and fits its own model while the models are fitted and
            // the scores written.
            let sideChecks = Task {
                async let holdout = Self.outcome { try await holdoutCheck(rows, now: now) }
                async let retention = Self.outcome {
                    try await database.read { sql in
                        try await MonthRetention.load(lastMonth: CohortRollup.monthNumber(of: now) - 1, on: sql)
                    }
                }
                return await (holdout, retention)
            }
            defer { sideChecks.cancel() }
            let plan = await CustomerScorePlan.make(rows, now: now, currency: baseCurrency)
            var report = plan.report
            try await runs.heartbeat(run.id)
            lap(2)
            step(3)
            let rollupJSON = JSONText.encode(rollup)
            try await database.write { sql, driver in
                try await Self.writeScores(
                    count: plan.count, runID: run.id, on: sql, driver: driver, rows: plan.rows)
                lap(3)
                step(4)
                let (holdout, retention) = await sideChecks.value
                switch holdout {
                case .success(let check): report.holdout = check
                case .failure(let error): report.holdoutError = "\(error)"
                }
                report.retention = try retention.get()
                try await runs.finish(
                    run.id, succeeded: true, customers: rows.count, model: plan.model,
                    report: JSONText.encode(report), error: nil, on: sql)
                try await sql.raw("UPDATE analytics_runs SET rollups = \(bind: rollupJSON) WHERE id = \(bind: run.id)")
                    .run()
            }
            lap(4)
            logger.info("analytics refreshed", metadata: ["customers": "\(rows.count)", "model": "\(plan.model)"])
            return Outcome(run: run, customers: rows.count, model: plan.model, phases: phases)
        } catch {
            try? await database.write { sql in
                try await runs.finish(
                    run.id, succeeded: false, customers: nil, model: nil, report: nil, error: "\(error)", on: sql)
            }
            throw error
        }
    }
}
