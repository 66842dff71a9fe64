import Foundation
import RegularsCore
import RegularsDemo
import RegularsStats
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct AnalyticsRollupTests {
    struct MonthRow: Decodable, Equatable, Sendable {
        var customerId: Int64
        var month: Int
        var orders: Int
        var netMinor: Int64
    }

    struct CohortRow: Decodable, Equatable, Sendable {
        var cohortMonth: Int
        var month: Int
        var customers: Int
        var orders: Int
        var netMinor: Int64
        var repeatCustomers: Int
        var repeatNetMinor: Int64
    }

    static func rollups(_ database: Database) async throws -> (months: [MonthRow], cohorts: [CohortRow]) {
        try await database.read { sql in
            let months = try await sql.raw(
                "SELECT customer_id, month, orders, net_minor FROM customer_months ORDER BY customer_id, month"
            ).all(decoding: MonthRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let cohorts = try await sql.raw(
                """
                SELECT cohort_month, month, customers, orders, net_minor, repeat_customers, repeat_net_minor
                FROM cohort_months ORDER BY cohort_month, month
                """
            ).all(decoding: CohortRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return (months, cohorts)
        }
    }

    static func customerOrders(_ customerID: Int64, _ database: Database) async throws -> [Int64] {
        try await database.read { sql in
            try await sql.raw("SELECT id FROM orders WHERE customer_id = \(bind: customerID) ORDER BY id")
                .all(decodingColumn: "id", as: Int64.self)
        }
    }

    /// Orders, an order moved to another customer, partial and full refunds, a cancellation and a merge, each
    /// written through the writers that ingest uses.
    /// Returns the id of the customer merged away.
    @discardableResult
    static func churnTheStore(_ database: Database) async throws -> Int64 {
        let asOf = Int64((DemoStoreGenerator.defaultEnd.timeIntervalSince1970 * 1000).rounded())
        let daysBeforeEnd = (asOf - Sample.start.milliseconds) / Sample.day
        let buyers = try await database.read { sql in
            try await sql.raw("SELECT DISTINCT customer_id FROM orders ORDER BY customer_id LIMIT 5")
                .all(decodingColumn: "customer_id", as: Int64.self)
        }
        try #require(buyers.count == 5)
        let newcomer = try await Sample.customer("newcomer@example.com", on: database)
        let first = try await Sample.upsert(
            Sample.order("n1", customerID: newcomer, totalMinor: 4_000, daysAfterStart: daysBeforeEnd - 40),
            on: database)
        _ = try await Sample.upsert(
            Sample.order("n2", customerID: newcomer, totalMinor: 6_000, daysAfterStart: daysBeforeEnd - 39),
            on: database)
        _ = try await Sample.upsert(
            Sample.order("n3", customerID: buyers[0], totalMinor: 2_500, daysAfterStart: daysBeforeEnd - 5),
            on: database)
        // The same order again (a retry) and then moved to another customer by a newer update.
        _ = try await Sample.upsert(
            Sample.order("n3", customerID: buyers[0], totalMinor: 2_500, daysAfterStart: daysBeforeEnd - 5),
            on: database)
        _ = try await Sample.upsert(
            Sample.order(
                "n3", customerID: buyers[1], totalMinor: 2_500, daysAfterStart: daysBeforeEnd - 5,
                updatedDaysAfterStart: daysBeforeEnd - 4), on: database)
        _ = try await Sample.refund("rf-partial", orderID: first.id, amountMinor: 1_000, on: database)
        let secondOfFive = try #require(try await customerOrders(buyers[2], database).first)
        let fullAmount = try await database.read { sql in
            try await sql.raw("SELECT base_total_minor FROM orders WHERE id = \(bind: secondOfFive)")
                .first(decodingColumn: "base_total_minor", as: Int64.self)
        }
        _ = try await Sample.refund(
            "rf-full", orderID: secondOfFive, amountMinor: try #require(fullAmount), on: database)
        _ = try await Sample.upsert(
            Sample.order(
                "n1", customerID: newcomer, totalMinor: 4_000, daysAfterStart: daysBeforeEnd - 40,
                updatedDaysAfterStart: daysBeforeEnd - 2, cancelled: true), on: database)
        // The fifth buyer turns out to be the fourth: one resolution names the fifth's demo id with the fourth's email.
        let fifthIdentity = try await database.read { sql in
            try await sql.raw(
                "SELECT external_id FROM customer_identities WHERE customer_id = \(bind: buyers[4]) AND source = 'demo'"
            ).first(decodingColumn: "external_id", as: String.self)
        }
        let fourthEmail = try await database.read { sql in
            try await sql.raw("SELECT email FROM customers WHERE id = \(bind: buyers[3])")
                .first(decodingColumn: "email", as: String.self)
        }
        let survivor = try await Sample.customer(
            try #require(fourthEmail),
            identities: [CustomerIdentity(source: .demo, externalID: try #require(fifthIdentity))], on: database)
        #expect(survivor == buyers[3])
        #expect(try await Sample.count("customers WHERE id = \(buyers[4])", on: database) == 0)
        return buyers[4]
    }

    @Test(arguments: TestBackend.available)
    func rollupsKeptAtIngestEqualARebuildAfterOrdersRefundsCancellationsAndMerges(backend: TestBackend)
        async throws
    {
        try await withDatabase(backend) { database in
            _ = try await AnalyticsTests.seed(database, customers: 250)
            let merged = try await Self.churnTheStore(database)

            let maintained = try await Self.rollups(database)
            _ = try await database.write { sql in try await CustomerAggregates.rebuildAll(on: sql) }
            let rebuilt = try await Self.rollups(database)

            #expect(maintained.months == rebuilt.months)
            #expect(maintained.cohorts == rebuilt.cohorts)
            #expect(maintained.months.count > 250)
            #expect(!maintained.months.contains { $0.customerId == merged })
        }
    }

    @Test(arguments: TestBackend.available)
    func cohortsAndMonthlyKPIsFromTheRollupsEqualTheScanOfAllOrders(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            _ = try await AnalyticsTests.seed(database, customers: 250)
            try await Self.churnTheStore(database)
            let asOf = Instant(DemoStoreGenerator.defaultEnd)

            let rollup = try await CohortRollup.load(database: database, asOf: asOf)
            let orders = try await AnalyticsOrders(database: database).load(
                from: Instant(milliseconds: 0), to: Instant(milliseconds: asOf.milliseconds + 1)
            ).orders
            let scanned = CohortTable(
                orders: orders, granularity: .month, timeZone: try #require(TimeZone(identifier: "UTC")),
                asOf: asOf.date)

            #expect(rollup.cohorts == scanned)
            #expect(rollup.cohorts.cohorts.count >= 6)
            #expect(rollup.months.count >= 6)
            for month in rollup.months {
                let start = try #require(EpochDay("\(month.month)-01"))
                let (year, number, _) = start.components
                let end = try #require(
                    EpochDay(year: number == 12 ? year + 1 : year, month: number % 12 + 1, day: 1))
                let metrics = RetentionMetrics(
                    orders: orders, periodStart: Date(timeIntervalSince1970: Double(start.rawValue) * 86_400),
                    periodEnd: Date(timeIntervalSince1970: Double(end.rawValue) * 86_400))
                #expect(month.orders == metrics.orders, "\(month.month)")
                #expect(month.netRevenueMinor == metrics.netRevenueMinor, "\(month.month)")
                #expect(month.orderingCustomers == metrics.orderingCustomers, "\(month.month)")
                #expect(month.newCustomers == metrics.newCustomers, "\(month.month)")
                #expect(month.repeatCustomers == metrics.repeatCustomers, "\(month.month)")
                #expect(month.repeatCustomerRevenueMinor == metrics.repeatCustomerRevenueMinor, "\(month.month)")
                #expect(month.averageOrderValueMinor == metrics.averageOrderValueMinor, "\(month.month)")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func theModelEndpointCarriesAHoldoutCheckOfTheStoresOwnHistory(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            _ = try await AnalyticsTests.seed(app.regulars.database, customers: 400)
            let now = Instant(DemoStoreGenerator.defaultEnd)

            _ = try await AnalyticsTests.refresher(app.regulars.database).refresh(triggeredBy: "test", now: now)

            let headers = try await app.adminHeaders()
            try await app.testing().test(.GET, "/api/analytics/model", headers: headers) { response in
                #expect(response.status == .ok)
                struct Body: Decodable {
                    var holdout: HoldoutCheck?
                    var retention: [MonthRetention]?
                }
                let body = try JSONDecoder().decode(Body.self, from: Data(buffer: response.body))
                let retention = try #require(body.retention)
                #expect(retention.count == 2 && retention[1].customersAtStart > 0)
                #expect(retention[1].retentionRatePercent != nil)
                let holdout = try #require(body.holdout)
                let end = try #require(EpochDay(holdout.holdoutEnd))
                let calibrationEnd = try #require(EpochDay(holdout.calibrationEnd))
                #expect(end == EpochDay(rawValue: Int32(now.milliseconds / 86_400_000)))
                #expect(calibrationEnd.days(to: end) == 7 * holdout.weeks.count)
                #expect((1...26).contains(holdout.weeks.count))
                #expect(holdout.weeks == Array(1...holdout.weeks.count))
                #expect(holdout.predictedCumulative.count == holdout.weeks.count)
                #expect(holdout.actualCumulative.count == holdout.weeks.count)
                #expect(zip(holdout.actualCumulative, holdout.actualCumulative.dropFirst()).allSatisfy { $0 <= $1 })
                #expect(
                    zip(holdout.predictedCumulative, holdout.predictedCumulative.dropFirst()).allSatisfy { $0 <= $1 })
                let actual = Double(try #require(holdout.actualCumulative.last))
                let predicted = try #require(holdout.predictedCumulative.last)
                #expect(actual > 0)
                #expect(predicted > actual / 3 && predicted < actual * 3, "predicted \(predicted), actual \(actual)")
                #expect(holdout.customers == holdout.eligibleCustomers && holdout.customers > 100)
            }
            let session = try await WebTests.signIn(app)
            try await app.testing().test(.GET, "/dashboard?lang=zh", headers: session) { response in
                #expect(response.status == .ok)
                let page = response.body.string
                #expect(page.contains("<title>预测与实际重复购买（保留期，累计）</title>"))
                #expect(page.contains("客户留存率") && page.contains("流失率"))
                #expect(page.components(separatedBy: "<polyline").count - 1 >= 3)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func customersAtRiskAreTheValuableOnesWhosePAliveDroppedMostValuableFirst(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let database = app.regulars.database
            _ = try await AnalyticsTests.seed(database, customers: 400)
            let refresher = try AnalyticsTests.refresher(database)
            let end = Instant(DemoStoreGenerator.defaultEnd)
            let later = Instant(milliseconds: end.milliseconds + 120 * Sample.day)
            _ = try await refresher.refresh(triggeredBy: "test", now: end)
            // The most valuable repeat buyer orders again before the second refresh, so their P(alive) rises.
            let comeback = try #require(
                try await database.read { sql in
                    try await sql.raw(
                        """
                        SELECT c.id FROM customers c JOIN customer_scores s ON s.customer_id = c.id
                        WHERE s.p_alive < 0.9 ORDER BY c.net_revenue_minor DESC LIMIT 1
                        """
                    ).first(decodingColumn: "id", as: Int64.self)
                })
            let daysToLater = (later.milliseconds - Sample.start.milliseconds) / Sample.day
            _ = try await Sample.upsert(
                Sample.order("back", customerID: comeback, totalMinor: 5_000, daysAfterStart: daysToLater - 1),
                on: database)

            _ = try await refresher.refresh(triggeredBy: "test", now: later)

            let headers = try await app.adminHeaders()
            try await app.testing().test(.GET, "/api/analytics/at-risk?limit=25", headers: headers) { response in
                #expect(response.status == .ok)
                let customers = try response.json([AtRiskCustomer].self)
                #expect(customers.count >= 5)
                #expect(!customers.contains { $0.customerId == comeback })
                for customer in customers {
                    #expect(customer.pAliveDrop >= AtRiskCustomer.minimumDrop)
                    #expect(abs(customer.pAlivePrevious - customer.pAlive - customer.pAliveDrop) < 1e-12)
                }
                // Read as plain JSON: Foundation's snake-case decoding turns `predicted_clv12m` into `predictedClv12M`.
                let objects = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                let values = objects.map { object in
                    let revenue = (object["net_revenue"] as? [String: Any])?["minor_units"] as? Int ?? -1
                    let clv = (object["predicted_clv12m"] as? [String: Any])?["minor_units"] as? Int ?? 0
                    return revenue + clv
                }
                #expect(objects.contains { $0["predicted_clv12m"] is [String: Any] })
                #expect(values == values.sorted(by: >))
            }
            try await app.testing().test(.GET, "/api/analytics/at-risk?limit=0", headers: headers) { response in
                #expect(response.status == .badRequest)
                #expect(response.problem?.invalidParams?.first?.name == "limit")
            }
            let previous = try await database.read { sql in
                try await sql.raw(
                    "SELECT p_alive, p_alive_previous FROM customer_scores WHERE customer_id = \(bind: comeback)"
                ).first(decoding: PAlivePair.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            #expect((previous?.pAlive ?? 0) > (previous?.pAlivePrevious ?? 1))
        }
    }

    struct PAlivePair: Decodable { var pAlive: Double?; var pAlivePrevious: Double? }

    @Test func theHoldoutIsTheLastQuarterOfTheHistoryAtMost26Weeks() {
        #expect(HoldoutCheck.holdoutWeeks(historyDays: 27) == 0)
        #expect(HoldoutCheck.holdoutWeeks(historyDays: 28) == 1)
        #expect(HoldoutCheck.holdoutWeeks(historyDays: 365) == 13)
        #expect(HoldoutCheck.holdoutWeeks(historyDays: 3 * 365) == 26)
    }

    @Test(arguments: TestBackend.available)
    func monthlyRetentionCountsWhoWasActiveAtEachEndOfTheMonth(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            // Setup: in month m, A ordered 5 months before and again in m (retained); B last ordered 12 months before
            // (active at the start, not the end); C is new in m; D last ordered 13 months before (active only at the
            // start of m − 1).
            let m = 24_300
            let ids = [
                try await Sample.customer("a@example.com", on: database),
                try await Sample.customer("b@example.com", on: database),
                try await Sample.customer("c@example.com", on: database),
                try await Sample.customer("d@example.com", on: database),
            ]
            let months = [(ids[0], m - 5), (ids[0], m), (ids[1], m - 12), (ids[2], m), (ids[3], m - 13)]
            try await database.write { sql in
                for (customer, month) in months {
                    try await sql.raw(
                        """
                        INSERT INTO customer_months (customer_id, month, orders, net_minor)
                        VALUES (\(bind: customer), \(bind: month), 1, 1000)
                        """
                    ).run()
                }
                try await sql.raw(
                    """
                    INSERT INTO cohort_months (cohort_month, month, customers, orders, net_minor, repeat_customers,
                        repeat_net_minor)
                    VALUES (\(bind: m), \(bind: m), 1, 1, 1000, 0, 0)
                    """
                ).run()
            }

            // Action
            let retention = try await database.read { sql in try await MonthRetention.load(lastMonth: m, on: sql) }

            // Check, by hand: m − 1: S = {A, B, D}, E = {A, B}, N = 0 → CRR 66.7 %, churn 33.3 %;
            // m: S = {A, B}, E = {A, C}, N = {C}, retained {A} → CRR 50 %, churn 50 %.
            #expect(retention.count == 2)
            #expect(retention[0].customersAtStart == 3 && retention[0].customersAtEnd == 2)
            #expect(retention[0].newCustomers == 0 && retention[0].retainedCustomers == 2)
            #expect(abs((retention[0].retentionRatePercent ?? 0) - 200.0 / 3) < 1e-9)
            #expect(abs((retention[0].churnRatePercent ?? 0) - 100.0 / 3) < 1e-9)
            #expect(retention[1].customersAtStart == 2 && retention[1].customersAtEnd == 2)
            #expect(retention[1].newCustomers == 1 && retention[1].retainedCustomers == 1)
            #expect(retention[1].retentionRatePercent == 50 && retention[1].churnRatePercent == 50)
            #expect(retention[1].month == "2025-01")
        }
    }
}
