import Foundation
import Logging
import RegularsCore
import RegularsStats
import SQLKit

/// Recomputes the cohort matrix and monthly KPIs from the rollups and every customer's scores from the running
/// aggregates — never from all orders — and replaces the scores in one transaction, so readers see the previous
/// scores until the new ones are complete.
///
/// Per customer: x = distinct order days − 1, tₓ = weeks from first to last order, T = weeks from the first order to
/// now, monetary value = mean net value of the repeat orders. BG/NBD (closed-form, so a refresh stays fast; Pareto/NBD's
/// hypergeometric terms made it minutes on real stores) and Gamma-Gamma are fitted on all customers, or an evenly spaced
/// sample of `maximumFitCustomers` in larger stores, and predict for every customer; when the data cannot identify
/// them (no repeat buyers yet) the scores carry RFM only, with model "none".
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
        "cohorts and monthly metrics from the rollups", "customer aggregates", "models, RFM and predictions",
        "holdout check (predicted vs actual; runs alongside the models)", "writing scores",
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
            let rows = try await database.read { sql in try await Self.loadAggregates(on: sql) }
            try await runs.heartbeat(run.id)
            lap(1)
            step(2)
            // The holdout check reads its sample of orders and fits its own model while this task fits the models.
            async let holdout = Self.outcome { try await holdoutCheck(rows, now: now) }
            async let retention = database.read { sql in
                try await MonthRetention.load(lastMonth: CohortRollup.monthNumber(of: now) - 1, on: sql)
            }
            var scores = try Self.score(rows, now: now, runID: run.id, currency: baseCurrency)
            try await runs.heartbeat(run.id)
            lap(2)
            step(3)
            switch await holdout {
            case .success(let check): scores.report.holdout = check
            case .failure(let error): scores.report.holdoutError = "\(error)"
            }
            scores.report.retention = try await retention
            try await runs.heartbeat(run.id)
            lap(3)
            step(4)
            let report = JSONText.encode(scores.report)
            let rollupJSON = JSONText.encode(rollup)
            try await database.write { sql, driver in
                try await Self.writeScores(
                    scores.rows, runID: run.id, model: scores.model, on: sql, driver: driver)
                try await runs.finish(
                    run.id, succeeded: true, customers: rows.count, model: scores.model, report: report, error: nil,
                    on: sql)
                try await sql.raw("UPDATE analytics_runs SET rollups = \(bind: rollupJSON) WHERE id = \(bind: run.id)")
                    .run()
            }
            lap(4)
            logger.info("analytics refreshed", metadata: ["customers": "\(rows.count)", "model": "\(scores.model)"])
            return Outcome(run: run, customers: rows.count, model: scores.model, phases: phases)
        } catch {
            try? await database.write { sql in
                try await runs.finish(
                    run.id, succeeded: false, customers: nil, model: nil, report: nil, error: "\(error)", on: sql)
            }
            throw error
        }
    }

    /// Customers the models are fitted on: all of them up to this many, else an evenly spaced sample of this many.
    static let maximumFitCustomers = 200_000

    /// The customers to fit on: every one when there are at most `maximumFitCustomers`, otherwise every k-th by id —
    /// a sample that size pins the parameters far more tightly than the predictions need (the CDNOW fits of the
    /// literature use 2,357 customers), while a fit over every customer of a million-customer store took seconds.
    /// Predictions are still made for every customer.
    static func fitSample(of summaries: CustomerSummaries, maximum: Int = maximumFitCustomers) -> CustomerSummaries {
        guard summaries.count > maximum else { return summaries }
        let picked = (0..<maximum).map { $0 * summaries.count / maximum }
        return CustomerSummaries(
            customerIDs: picked.map { summaries.customerIDs[$0] }, frequency: picked.map { summaries.frequency[$0] },
            recency: picked.map { summaries.recency[$0] }, age: picked.map { summaries.age[$0] },
            monetaryValue: picked.map { summaries.monetaryValue[$0] })
    }

    static func score(_ rows: [AggregateRow], now: Instant, runID: Int64, currency: CurrencyCode) throws
        -> (rows: [CustomerScoreRow], model: String, report: Report)
    {
        // Whole UTC days, as in the literature (and `regulars clv fit`): customers then share (x, tₓ, T) rows,
        // which the fits collapse into weights.
        let day: Int64 = 86_400_000
        let today = now.milliseconds / day
        let perMajor = Double(currency.minorUnitsPerMajor)
        let summaries = CustomerSummaries(
            customerIDs: rows.map(\.id),
            frequency: rows.map { Double(max(0, $0.orderDays - 1)) },
            recency: rows.map { $0.orderDays > 1 ? Double($0.lastOrderAt / day - $0.firstOrderAt / day) / 7 : 0 },
            age: rows.map { Double(max(0, today - $0.firstOrderAt / day)) / 7 },
            monetaryValue: rows.map { row in
                guard row.orderCount > 1 else { return 0 }
                return max(0, Double(row.netRevenueMinor - row.firstOrderNetMinor) / Double(row.orderCount - 1))
                    / perMajor
            })
        var report = Report(
            customers: summaries.count, repeatCustomers: summaries.repeatCustomerCount,
            observedAt: now.iso8601, fit: nil, error: nil, holdout: nil, holdoutError: nil, retention: nil)
        var predictions: CustomerPredictions?
        var purchaseModel: BGNBDModel?
        do {
            let sample = fitSample(of: summaries)
            let bgnbd = try BGNBDModel.fit(try CollapsedSummaries(sample))
            let spend = try GammaGammaModel.fit(sample)
            let collapsed = try CollapsedSummaries(summaries)
            predictions = try CustomerPredictions.compute(
                summaries: summaries, collapsed: collapsed, purchaseModel: bgnbd, spendModel: spend,
                options: CLVOptions(purchaseHorizonWeeks: 90.0 / 7.0, lifetimeMonths: 12, monthlyDiscountRate: 0.01))
            purchaseModel = bgnbd
            report.fit = CLVFitReport(
                customers: sample.count, repeatCustomers: sample.repeatCustomerCount, bgnbd: bgnbd,
                paretoNBD: nil, gammaGamma: spend)
        } catch {
            report.error = "\(error)"
        }
        let model = purchaseModel == nil ? "none" : "bgnbd+gamma_gamma"
        let recency = RFMAnalysis.quintileScores(rows.map { -$0.lastOrderAt })
        let frequency = RFMAnalysis.quintileScores(rows.map(\.orderCount))
        let monetary = RFMAnalysis.quintileScores(rows.map(\.netRevenueMinor))
        let epochToday = EpochDay(rawValue: Int32(today))
        var output: [CustomerScoreRow] = []
        output.reserveCapacity(rows.count)
        for index in rows.indices {
            let rfm = RFMScore(recency: recency[index], frequency: frequency[index], monetary: monetary[index])
            // BG/NBD assumes a customer can only drop out after a repeat purchase, so it rates every one-time
            // buyer certainly alive; that says nothing, so one-time buyers get no P(alive) or churn band.
            let pAlive = summaries.frequency[index] > 0 ? predictions?.probabilityAlive[index] : nil
            let nextOrder = purchaseModel.map { model in
                model.nextPurchase(
                    frequency: summaries.frequency[index], recency: summaries.recency[index], age: summaries.age[index])
            }
            // A next-order date is shown only for customers likely alive and expected back within a year.
            let nextOrderAt = nextOrder.flatMap { estimate -> Int64? in
                let expected = estimate.expectedDate(after: epochToday)
                guard estimate.probabilityAlive >= 0.5, epochToday.days(to: expected) <= 365 else { return nil }
                return Int64(expected.rawValue) * 86_400_000
            }
            output.append(
                CustomerScoreRow(
                    customerID: rows[index].id, pAlive: pAlive,
                    expectedOrders90d: predictions?.expectedPurchases[index],
                    predictedClv12mMinor: predictions.map { Int64(($0.lifetimeValue[index] * perMajor).rounded()) },
                    churnRisk: pAlive.map { ChurnRisk(probabilityAlive: $0).rawValue }, rfmRecency: rfm.recency,
                    rfmFrequency: rfm.frequency, rfmMonetary: rfm.monetary, rfmSegment: rfm.segment.rawValue,
                    nextOrderAt: nextOrderAt))
        }
        return (output, model, report)
    }
}
