import Foundation
import RegularsCore
import RegularsStats
import SQLKit
import Vapor

/// `GET /dashboard`: the period's KPIs against the period before, cohorts, retention curve, CLV distribution, RFM
/// segments, the fitted model and the high-value customers at risk.
struct DashboardPage: RouteCollection {
    static let periodDays = 90

    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard)
    }

    @Sendable func dashboard(_ request: Request) async throws -> View {
        let services = request.regulars
        let store = services.configuration.store
        let format = WebController.format(request)
        let text = { (key: String) in Catalogue.shared.text(key, format.locale) }
        let currency = store.baseCurrency.code
        let period = try AnalyticsPeriod.parse(from: nil, to: nil, timeZone: store.timeZone)
        let end = period.end
        let day: Int64 = 86_400_000
        let start = Instant(milliseconds: end.milliseconds - Int64(Self.periodDays) * day)
        let previousStart = Instant(milliseconds: start.milliseconds - Int64(Self.periodDays) * day)
        let orders = try await AnalyticsOrders(database: services.database).load(
            from: Instant(milliseconds: previousStart.milliseconds - 365 * day), to: end)
        let current = RetentionMetrics(orders: orders, periodStart: start.date, periodEnd: end.date)
        let previous = RetentionMetrics(orders: orders, periodStart: previousStart.date, periodEnd: start.date)
        let money = { (minor: Int64?) in
            minor.map { MoneyDTO(minorUnits: $0, currency: currency).displayText } ?? text("none")
        }
        let percent = { (value: Double?) in value.map { String(format: "%.1f%%", $0) } ?? text("none") }
        func tile(_ key: String, _ now: Double?, _ before: Double?, _ shown: String, higherIsBetter: Bool = true)
            -> DashboardView.Tile
        {
            guard let now, let before, before != 0 else {
                return .init(label: text(key), value: shown, change: text("none"), direction: "flat")
            }
            let change = (now - before) / abs(before) * 100
            let better = higherIsBetter ? change : -change
            return .init(
                label: text(key), value: shown, change: String(format: "%+.1f%%", change),
                direction: better > 0.05 ? "better" : better < -0.05 ? "worse" : "flat")
        }
        let tiles = [
            tile(
                "kpi_net_revenue", Double(current.netRevenueMinor), Double(previous.netRevenueMinor),
                money(current.netRevenueMinor)),
            tile("kpi_orders", Double(current.orders), Double(previous.orders), String(current.orders)),
            tile(
                "kpi_retention_rate", current.customerRetentionRatePercent, previous.customerRetentionRatePercent,
                percent(current.customerRetentionRatePercent)),
            tile(
                "kpi_repeat_rate", current.repeatCustomerRate.map { $0 * 100 },
                previous.repeatCustomerRate.map { $0 * 100 }, percent(current.repeatCustomerRate.map { $0 * 100 })),
            tile(
                "kpi_aov", current.averageOrderValueMinor.map(Double.init),
                previous.averageOrderValueMinor.map(Double.init), money(current.averageOrderValueMinor)),
            tile(
                "kpi_frequency", current.purchaseFrequency, previous.purchaseFrequency,
                current.purchaseFrequency.map { String(format: "%.2f", $0) } ?? text("none")),
            tile(
                "kpi_churn_rate", current.churnRatePercent, previous.churnRatePercent,
                percent(current.churnRatePercent), higherIsBetter: false),
            tile(
                "kpi_repeat_revenue_share", current.repeatCustomerRevenueShare.map { $0 * 100 },
                previous.repeatCustomerRevenueShare.map { $0 * 100 },
                percent(current.repeatCustomerRevenueShare.map { $0 * 100 })),
        ]

        let yearAgo = Instant(milliseconds: end.milliseconds - 365 * day)
        let cohorts = CohortTable(
            orders: orders.filter { $0.placedAt >= yearAgo.date }, granularity: .month, timeZone: store.timeZone,
            asOf: end.date - 0.001)
        let heatmapRows = cohorts.cohorts.map { cohort in
            (label: "\(cohort.start)".prefix(7).description, cells: cohort.periods.map { Optional($0.retention) })
        }
        var curve: [Double] = []
        for index in 0..<(cohorts.cohorts.map(\.periods.count).max() ?? 0) {
            let reaching = cohorts.cohorts.filter { $0.periods.count > index }
            let size = reaching.reduce(0) { $0 + $1.customers }
            let active = reaching.reduce(0) { $0 + $1.periods[index].activeCustomers }
            if size > 0 { curve.append(Double(active) / Double(size)) }
        }

        let segments = try await RFMSegments.load(database: services.database, currency: currency)
        let clvValues = try await services.database.read { sql in
            try await sql.raw(
                "SELECT predicted_clv_12m_minor AS v FROM customer_scores WHERE predicted_clv_12m_minor IS NOT NULL"
            )
            .all(decodingColumn: "v", as: Int64.self)
        }
        let perMajor = store.baseCurrency.minorUnitsPerMajor
        let edges: [Int64] = [0, 10, 25, 50, 100, 200, 400, 800].map { $0 * perMajor }
        let buckets = edges.enumerated().map { index, low -> (label: String, value: Int) in
            let high = index + 1 < edges.count ? edges[index + 1] : Int64.max
            let label = high == Int64.max ? "\(low / perMajor)+" : "\(low / perMajor)–\(high / perMajor)"
            return (label, clvValues.filter { $0 >= low && $0 < high }.count)
        }

        let latest = try await AnalyticsRunStore(database: services.database).latest()
        let report = try await AnalyticsRunStore(database: services.database).latestReport()
            .flatMap { JSONText.decode(AnalyticsRefresher.Report.self, from: $0) }
        var model: [LabelledValue] = []
        if let fit = report?.fit {
            if let bgnbd = fit.bgnbd {
                let p = bgnbd.params
                model.append(
                    .init(
                        label: "BG/NBD r, α, a, b",
                        value: String(format: "%.3f, %.3f, %.3f, %.3f", p.r, p.alpha, p.a, p.b)))
                model.append(.init(label: text("log_likelihood"), value: String(format: "%.1f", bgnbd.logLikelihood)))
            }
            if let spend = fit.gammaGamma {
                let p = spend.params
                model.append(
                    .init(label: "Gamma-Gamma p, q, γ", value: String(format: "%.3f, %.3f, %.3f", p.p, p.q, p.gamma)))
            }
            model.append(.init(label: text("model_customers"), value: "\(fit.customers) / \(fit.repeatCustomers)"))
        }
        struct AtRiskRow: Decodable {
            var id: Int64; var firstName: String?; var lastName: String?; var netRevenueMinor: Int64
            var pAlive: Double?; var predictedClv12mMinor: Int64?
        }
        let atRisk = try await services.database.read { sql in
            try await sql.raw(
                """
                SELECT c.id, c.first_name, c.last_name, c.net_revenue_minor, s.p_alive, s.predicted_clv_12m_minor
                FROM customer_scores s JOIN customers c ON c.id = s.customer_id
                WHERE s.churn_risk IN ('high', 'medium') AND c.redacted_at IS NULL
                ORDER BY c.net_revenue_minor DESC LIMIT 10
                """
            ).all(decoding: AtRiskRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        let view = DashboardView(
            periodText: text("dashboard_period").replacingOccurrences(of: "{days}", with: String(Self.periodDays)),
            tiles: tiles,
            heatmap: SVGChart.heatmap(rows: heatmapRows, title: text("cohort_heatmap")),
            retentionCurve: SVGChart.line(values: curve, title: text("retention_curve")),
            clvDistribution: SVGChart.bars(buckets, title: text("clv_distribution")),
            segments: segments.segments.map { segment in
                .init(
                    name: format.label("segment_", segment.segment),
                    href: "/customers?segment="
                        + (segment.segment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                    customers: segment.customers, share: String(format: "%.1f%%", segment.revenueShare * 100))
            },
            model: model, modelNote: report?.error.map { _ in text("model_not_identified") } ?? text("model_note"),
            atRisk: atRisk.map { row in
                .init(
                    href: "/customers/\(row.id)", name: PersonName.display(first: row.firstName, last: row.lastName),
                    revenue: money(row.netRevenueMinor),
                    pAlive: row.pAlive.map { "\(Int(($0 * 100).rounded()))%" } ?? text("none"),
                    value: money(row.predictedClv12mMinor))
            },
            hasScores: segments.runId != nil,
            lastRefresh: latest.map { run in
                format.label("run_", run.status) + " · " + (format.dateTime(run.finishedAt ?? run.startedAt) ?? "")
            } ?? text("none"))
        return try await request.page("dashboard", titleKey: "dashboard_title", section: "dashboard", view)
    }
}
