import Foundation
import RegularsCore
import RegularsStats
import SQLKit
import Vapor

/// `GET /dashboard`: the last complete month's KPIs against the month before and the cohorts (both from the
/// rollups), retention curve, CLV distribution, RFM segments, the fitted model with its holdout check, and the
/// high-value customers whose P(alive) dropped since the previous refresh.
struct DashboardPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard)
    }

    @Sendable func dashboard(_ request: Request) async throws -> View {
        let services = request.regulars
        let store = services.configuration.store
        let format = WebController.format(request)
        let text = { (key: String) in Catalogue.shared.text(key, format.locale) }
        let currency = store.baseCurrency.code
        // Everything here is read from the rollups and the last refresh: no order is scanned and nothing is refitted.
        let now = Instant.now
        let rollup = try await CohortRollup.load(database: services.database, asOf: now)
        let currentMonth = CohortRollup.monthNumber(of: now) - 1
        let label = { (month: Int) in String(CohortRollup.firstDay(ofMonth: month).description.prefix(7)) }
        let byMonth = Dictionary(uniqueKeysWithValues: rollup.months.map { ($0.month, $0) })
        let empty = { (month: Int) in
            MonthlyMetrics(
                month: label(month), orders: 0, netRevenueMinor: 0, orderingCustomers: 0, newCustomers: 0,
                returningCustomers: 0, repeatCustomers: 0, repeatCustomerRevenueMinor: 0)
        }
        let current = byMonth[label(currentMonth)] ?? empty(currentMonth)
        let previous = byMonth[label(currentMonth - 1)] ?? empty(currentMonth - 1)
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
        let latest = try await AnalyticsRunStore(database: services.database).latest()
        let report = try await AnalyticsRunStore(database: services.database).latestReport()
            .flatMap { JSONText.decode(AnalyticsRefresher.Report.self, from: $0) }
        // Retention needs each customer's activity over a year: the last refresh computed it from `customer_months`.
        let retention = report?.retention ?? []
        let retained = retention.last
        let retainedBefore = retention.count > 1 ? retention[retention.count - 2] : nil
        let tiles = [
            tile(
                "kpi_retention_rate", retained?.retentionRatePercent, retainedBefore?.retentionRatePercent,
                percent(retained?.retentionRatePercent)),
            tile(
                "kpi_churn_rate", retained?.churnRatePercent, retainedBefore?.churnRatePercent,
                percent(retained?.churnRatePercent), higherIsBetter: false),
            tile(
                "kpi_net_revenue", Double(current.netRevenueMinor), Double(previous.netRevenueMinor),
                money(current.netRevenueMinor)),
            tile("kpi_orders", Double(current.orders), Double(previous.orders), String(current.orders)),
            tile(
                "kpi_new_customers", Double(current.newCustomers), Double(previous.newCustomers),
                String(current.newCustomers)),
            tile(
                "kpi_returning_share", current.returningCustomerShare.map { $0 * 100 },
                previous.returningCustomerShare.map { $0 * 100 },
                percent(current.returningCustomerShare.map { $0 * 100 })),
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
                "kpi_repeat_revenue_share", current.repeatCustomerRevenueShare.map { $0 * 100 },
                previous.repeatCustomerRevenueShare.map { $0 * 100 },
                percent(current.repeatCustomerRevenueShare.map { $0 * 100 })),
        ]

        let cohorts = CohortTable(granularity: .month, cohorts: Array(rollup.cohorts.cohorts.suffix(12)))
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
        let atRisk = try await AtRiskCustomer.load(database: services.database, currency: currency, limit: 10)
        let points = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        var holdoutChart = ""
        var holdoutNote = text("holdout_missing")
        if let holdout = report?.holdout, holdout.weeks.count > 1 {
            holdoutChart = SVGChart.lines(
                [
                    (text("holdout_predicted"), holdout.predictedCumulative),
                    (text("holdout_actual"), holdout.actualCumulative.map(Double.init)),
                ], title: text("holdout_chart"))
            holdoutNote = text("holdout_note").replacingOccurrences(of: "{date}", with: holdout.calibrationEnd)
                .replacingOccurrences(of: "{weeks}", with: String(holdout.weeks.count))
                .replacingOccurrences(of: "{customers}", with: String(holdout.customers))
        }
        let view = DashboardView(
            periodText: text("dashboard_months").replacingOccurrences(of: "{month}", with: label(currentMonth))
                .replacingOccurrences(of: "{previous}", with: label(currentMonth - 1)),
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
            holdoutChart: holdoutChart, holdoutNote: holdoutNote,
            atRisk: atRisk.map { row in
                .init(
                    href: "/customers/\(row.customerId)", name: row.name, revenue: row.netRevenue.displayText,
                    pAlive: points(row.pAlive), drop: "−" + points(row.pAliveDrop),
                    value: row.predictedClv12m?.displayText ?? text("none"))
            },
            hasScores: segments.runId != nil,
            lastRefresh: latest.map { run in
                format.label("run_", run.status) + " · " + (format.dateTime(run.finishedAt ?? run.startedAt) ?? "")
            } ?? text("none"))
        return try await request.page("dashboard", titleKey: "dashboard_title", section: "dashboard", view)
    }
}
