import Foundation
import RegularsCore
import RegularsStats
import SQLKit
import Vapor

/// Retention metrics, cohorts, RFM segments, the fitted models, and on-demand refreshes.
struct AnalyticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let analytics = routes.grouped("analytics")
        analytics.get("summary", use: summary)
        analytics.get("cohorts", use: cohorts)
        analytics.get("rfm", use: rfm)
        analytics.get("model", use: model)
        analytics.get("at-risk", use: atRisk)
        analytics.get("refresh", use: refreshStatus)
        analytics.post("refresh", use: refresh)
    }

    struct PeriodQuery: Content {
        var from: String?
        var to: String?
        var granularity: String?
        var cacMinor: Int64?
    }

    @Sendable func summary(_ request: Request) async throws -> RetentionMetrics {
        let query = try request.query.decode(PeriodQuery.self)
        let store = request.regulars.configuration.store
        let period = try AnalyticsPeriod.parse(from: query.from, to: query.to, timeZone: store.timeZone)
        let configuration = RetentionConfiguration(
            activityWindowDays: 365, customerAcquisitionCostMinor: query.cacMinor)
        // Activity at the period's start looks back one window, so orders from a year before it are read too.
        let lookBack = Instant(milliseconds: period.start.milliseconds - 365 * 86_400_000)
        let loaded = try await AnalyticsOrders(database: request.regulars.database).load(from: lookBack, to: period.end)
        return RetentionMetrics(
            orders: loaded.orders, periodStart: period.start.date, periodEnd: period.end.date,
            configuration: configuration, firstOrders: loaded.firstOrders)
    }

    /// Monthly cohorts come from the rollups (cohorts acquired in the period's months, activity up to its end);
    /// weekly ones are computed from the period's orders.
    @Sendable func cohorts(_ request: Request) async throws -> CohortTable {
        let query = try request.query.decode(PeriodQuery.self)
        guard let granularity = CohortGranularity(rawValue: query.granularity ?? "month") else {
            throw Problem.invalidField("granularity", "must be month or week")
        }
        let store = request.regulars.configuration.store
        let period = try AnalyticsPeriod.parse(from: query.from, to: query.to, timeZone: store.timeZone)
        if granularity == .month {
            let cells = try await request.regulars.database.read { sql in try await CohortRollup.cells(on: sql) }
            let months = period.months
            let asOf = CohortRollup.firstDay(ofMonth: months.upperBound)
            return CohortRollup(
                cells: cells, asOf: Instant(milliseconds: Int64(asOf.rawValue) * 86_400_000),
                cohortsFrom: months.lowerBound, cohortsThrough: months.upperBound
            ).cohorts
        }
        let loaded = try await AnalyticsOrders(database: request.regulars.database).load(
            from: period.start, to: period.end)
        // The period's acquisition cohorts: customers whose first counted order ever falls in it.
        let acquired = loaded.orders.filter { order in
            loaded.firstOrders[order.customerID].map { $0 >= period.start.date } ?? true
        }
        return CohortTable(
            orders: acquired, granularity: granularity, timeZone: store.timeZone, asOf: period.end.date - 0.001)
    }

    @Sendable func rfm(_ request: Request) async throws -> RFMSegments {
        try await RFMSegments.load(
            database: request.regulars.database, currency: request.regulars.configuration.store.baseCurrency.code)
    }

    @Sendable func model(_ request: Request) async throws -> Response {
        guard let report = try await AnalyticsRunStore(database: request.regulars.database).latestReport() else {
            throw Problem(
                status: .notFound, detail: "No analytics refresh has finished yet; POST /api/analytics/refresh")
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: report))
    }

    struct AtRiskQuery: Content {
        var limit: Int?
    }

    @Sendable func atRisk(_ request: Request) async throws -> [AtRiskCustomer] {
        let query = try request.query.decode(AtRiskQuery.self)
        if let limit = query.limit, !(1...500).contains(limit) {
            throw Problem.invalidField("limit", "must be from 1 to 500")
        }
        return try await AtRiskCustomer.load(
            database: request.regulars.database, currency: request.regulars.configuration.store.baseCurrency.code,
            limit: query.limit ?? 50)
    }

    @Sendable func refreshStatus(_ request: Request) async throws -> AnalyticsRun {
        guard let run = try await AnalyticsRunStore(database: request.regulars.database).latest() else {
            throw Problem(status: .notFound, detail: "No analytics refresh has run yet")
        }
        return run
    }

    /// Starts a refresh in the background: 202 with the run, or 409 while another is running.
    @Sendable func refresh(_ request: Request) async throws -> Response {
        let refresher = request.regulars.analyticsRefresher(logger: request.application.logger)
        let run: AnalyticsRun
        do {
            run = try await refresher.start(triggeredBy: "api")
        } catch AnalyticsRefresher.RefreshError.alreadyRunning {
            throw Problem(status: .conflict, detail: "A refresh is already running; GET /api/analytics/refresh")
        }
        let logger = request.application.logger
        Task {
            do { _ = try await refresher.perform(run) } catch { logger.report(error: error) }
        }
        return try await run.encodeResponse(status: .accepted, for: request)
    }
}
