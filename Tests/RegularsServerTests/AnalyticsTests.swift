import Foundation
import RegularsCore
import RegularsDemo
import RegularsStats
import SQLKit
import Synchronization
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct AnalyticsTests {
    static func seed(_ database: Database, customers: Int = 400) async throws -> DemoStore {
        let store = DemoStoreGenerator(seed: 5, customerCount: customers, productCount: 30).generate()
        _ = try await DemoSeeder(database: database, baseCurrency: try #require(CurrencyCode("USD"))).seedIfEmpty(store)
        return store
    }

    static func refresher(_ database: Database) throws -> AnalyticsRefresher {
        AnalyticsRefresher(
            database: database, baseCurrency: try #require(CurrencyCode("USD")), logger: .init(label: "test"))
    }

    @Test(arguments: TestBackend.available)
    func aRefreshScoresEveryCustomerWithOrdersFromTheAggregates(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let store = try await Self.seed(database)
            let buyers = Set(store.orders.map(\.customerIndex)).count

            let outcome = try await Self.refresher(database).refresh(
                triggeredBy: "test", now: Instant(DemoStoreGenerator.defaultEnd))

            #expect(outcome.model == "bgnbd+gamma_gamma")
            #expect(outcome.customers == buyers)
            #expect(try await Sample.count("customer_scores", on: database) == buyers)
            struct Check: Decodable { var oneTimeWithPAlive: Int; var repeatWithoutPAlive: Int }
            let check = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT
                        SUM(CASE WHEN c.order_days = 1 AND s.p_alive IS NOT NULL THEN 1 ELSE 0 END) AS one_time_with_p_alive,
                        SUM(CASE WHEN c.order_days > 1 AND s.p_alive IS NULL THEN 1 ELSE 0 END) AS repeat_without_p_alive
                    FROM customer_scores s JOIN customers c ON c.id = s.customer_id
                    """
                ).first(decoding: Check.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            #expect(check?.oneTimeWithPAlive == 0)
            #expect(check?.repeatWithoutPAlive == 0)
            let segments = try await RFMSegments.load(database: database, currency: "USD").segments
            #expect(segments.filter { $0.customers > 0 }.count >= 5)
            #expect(segments.map(\.customers).reduce(0, +) == buyers)
        }
    }

    @Test(arguments: TestBackend.available)
    func onlyOneRefreshRunsAtATimeAndASilentOneIsTakenOver(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let refresher = try Self.refresher(database)
            let now = Instant.now

            let first = try await refresher.start(triggeredBy: "a", at: now)
            let second = await #expect(throws: AnalyticsRefresher.RefreshError.self) {
                try await refresher.start(triggeredBy: "b", at: now)
            }
            let later = Instant(milliseconds: now.milliseconds + AnalyticsRunStore.staleAfterMilliseconds + 1)
            let takeover = try await refresher.start(triggeredBy: "c", at: later)

            #expect(second == .alreadyRunning)
            #expect(takeover.id != first.id)
            let statuses = try await database.read { sql in
                try await sql.raw("SELECT status FROM analytics_runs ORDER BY id").all(
                    decodingColumn: "status", as: String.self)
            }
            #expect(statuses == ["failed", "running"])
        }
    }

    @Test(arguments: TestBackend.available)
    func withoutRepeatBuyersTheRefreshKeepsRFMAndSaysWhy(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            for index in 0..<6 {
                let id = try await Sample.customer("one\(index)@example.com", on: database)
                _ = try await Sample.upsert(
                    Sample.order(
                        "o\(index)", customerID: id, totalMinor: Int64(1_000 * (index + 1)),
                        daysAfterStart: Int64(index)),
                    on: database)
            }

            let outcome = try await Self.refresher(database).refresh(triggeredBy: "test")

            #expect(outcome.model == "none")
            #expect(try await Sample.count("customer_scores", on: database) == 6)
            let report = try await AnalyticsRunStore(database: database).latestReport()
            #expect(report?.contains("noRepeatCustomers") == true || report?.contains("error") == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func theAPIStartsARefreshAndServesScoresSegmentsAndModel(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            _ = try await Self.seed(app.regulars.database, customers: 300)
            let headers = try await app.adminHeaders()

            try await app.testing().test(.POST, "/api/analytics/refresh", headers: headers) { response in
                #expect(response.status == .accepted)
            }
            var status = "running"
            for _ in 0..<200 where status == "running" {
                try await Task.sleep(for: .milliseconds(50))
                try await app.testing().test(.GET, "/api/analytics/refresh", headers: headers) { response in
                    status = try response.json(AnalyticsRun.self).status
                }
            }
            #expect(status == "succeeded")

            var segments: [RFMSegments.SegmentSummary] = []
            try await app.testing().test(.GET, "/api/analytics/rfm", headers: headers) { response in
                let rfm = try response.json(RFMSegments.self)
                #expect(rfm.segments.count == RFMSegment.allCases.count)
                #expect(abs(rfm.segments.reduce(0) { $0 + $1.revenueShare } - 1) < 1e-9)
                segments = rfm.segments
            }
            struct Scored: Decodable {
                var customerId: Int64; var rfmRecency: Int; var rfmFrequency: Int; var rfmMonetary: Int
            }
            let scored = try await app.regulars.database.read { sql in
                try await sql.raw("SELECT customer_id, rfm_recency, rfm_frequency, rfm_monetary FROM customer_scores")
                    .all(decoding: Scored.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            #expect(segments.contains { (1...CustomerQuery.maximumLimit).contains($0.customers) })
            for summary in segments where (1...CustomerQuery.maximumLimit).contains(summary.customers) {
                let members = Set(
                    scored.filter {
                        RFMScore(recency: $0.rfmRecency, frequency: $0.rfmFrequency, monetary: $0.rfmMonetary)
                            .segment.rawValue == summary.segment
                    }.map(\.customerId))
                let name = try #require(summary.segment.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
                try await app.testing().test(
                    .GET, "/api/customers?segment=\(name)&limit=\(CustomerQuery.maximumLimit)", headers: headers
                ) { response in
                    let page = try response.json(Page<CustomerSummary>.self)
                    #expect(Set(page.items.map(\.id)) == members, "\(summary.segment)")
                    #expect(page.items.count == summary.customers, "\(summary.segment)")
                }
            }
            try await app.testing().test(.GET, "/api/analytics/model", headers: headers) { response in
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let fit = body?["fit"] as? [String: Any]
                let bgnbd = fit?["bgnbd"] as? [String: Any]
                #expect((bgnbd?["params"] as? [String: Double])?["r"] != nil)
            }
            let repeatBuyer = try await app.regulars.database.read { sql in
                try await sql.raw("SELECT id FROM customers WHERE order_days > 2 ORDER BY id LIMIT 1")
                    .first(decodingColumn: "id", as: Int64.self)
            }
            try await app.testing().test(.GET, "/api/customers/\(try #require(repeatBuyer))", headers: headers) {
                response in
                let profile = try response.json(CustomerProfile.self)
                let scores = try #require(profile.scores)
                #expect(scores.pAlive != nil && scores.churnRisk != nil)
                // Plain JSON: Foundation's snake-case decoding would look for `predictedClv12M`.
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let json = body?["scores"] as? [String: Any]
                #expect(json?["expected_orders90d"] is Double)
                #expect((json?["predicted_clv12m"] as? [String: Any])?["minor_units"] is Int)
                #expect(scores.reason?.contains("likely to still be active") == true)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aCustomerReturningAfterMoreThanAYearIsNotCountedAsNew(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            // Setup: Cy first bought 500 days before the period and comes back in it; Dee is new in it.
            let database = app.regulars.database
            let cy = try await Sample.customer("cy@example.com", on: database)
            let dee = try await Sample.customer("dee@example.com", on: database)
            _ = try await Sample.upsert(
                Sample.order("old", customerID: cy, totalMinor: 1_000, daysAfterStart: -500), on: database)
            _ = try await Sample.upsert(
                Sample.order("back", customerID: cy, totalMinor: 1_000, daysAfterStart: 4), on: database)
            _ = try await Sample.upsert(
                Sample.order("new", customerID: dee, totalMinor: 1_000, daysAfterStart: 5), on: database)
            let headers = try await app.adminHeaders()

            // Action / Check: the summary counts only Dee as new; weekly cohorts of the period hold only Dee.
            try await app.testing().test(.GET, "/api/analytics/summary?from=2026-01-01&to=2026-03-31", headers: headers)
            { response in
                let metrics = try response.json(RetentionMetrics.self)
                #expect(metrics.orderingCustomers == 2)
                #expect(metrics.newCustomers == 1)
                #expect(metrics.customersAtStart == 0)
            }
            try await app.testing().test(
                .GET, "/api/analytics/cohorts?from=2026-01-01&to=2026-03-31&granularity=week", headers: headers
            ) { response in
                let table = try response.json(CohortTable.self)
                #expect(table.cohorts.map(\.customers).reduce(0, +) == 1)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func summaryAndCohortsFollowTheirDefinitionsOnAHandMadeStore(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let database = app.regulars.database
            let ada = try await Sample.customer("ada@example.com", on: database)
            let bob = try await Sample.customer("bob@example.com", on: database)
            // 2026-01-01: Ada and Bob buy; 2026-02-10: Ada buys again. Bob's second order is cancelled.
            _ = try await Sample.upsert(Sample.order("1", customerID: ada, totalMinor: 1_000), on: database)
            _ = try await Sample.upsert(Sample.order("2", customerID: bob, totalMinor: 3_000), on: database)
            _ = try await Sample.upsert(
                Sample.order("3", customerID: ada, totalMinor: 2_000, daysAfterStart: 40), on: database)
            _ = try await Sample.upsert(
                Sample.order("4", customerID: bob, totalMinor: 9_000, daysAfterStart: 41, cancelled: true), on: database
            )
            let headers = try await app.adminHeaders()

            try await app.testing().test(.GET, "/api/analytics/summary?from=2026-01-01&to=2026-03-31", headers: headers)
            {
                response in
                let metrics = try response.json(RetentionMetrics.self)
                #expect(metrics.orders == 3)
                #expect(metrics.orderingCustomers == 2 && metrics.repeatCustomers == 1)
                #expect(metrics.netRevenueMinor == 6_000)
                #expect(metrics.averageOrderValueMinor == 2_000)
                #expect(metrics.repeatCustomerRate == 0.5)
            }
            try await app.testing().test(
                .GET, "/api/analytics/cohorts?from=2026-01-01&to=2026-03-31&granularity=month", headers: headers
            ) { response in
                let table = try response.json(CohortTable.self)
                #expect(table.cohorts.first?.customers == 2)
            }
            try await app.testing().test(.GET, "/api/analytics/cohorts?granularity=year", headers: headers) {
                response in
                #expect(response.status == .badRequest)
                #expect(response.problem?.invalidParams?.first?.name == "granularity")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func everyScoreIsWrittenAndReadBackWithItsSegmentChurnBandAndModel(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            // Setup: one customer per RFM score (all 125), cycling through P(alive)s of every churn band and none,
            // and the refresh run that scores them.
            var rows: [CustomerScoreRow] = []
            for (index, rfm) in RFMScore.all.enumerated() {
                let id = try await Sample.customer("scored\(index)@example.com", on: database)
                rows.append(
                    CustomerScoreRow(
                        customerID: id, pAlive: index.isMultiple(of: 3) ? nil : 0.125 * Double(index % 8),
                        expectedOrders90d: 1.5, predictedClv12mMinor: index == 2 ? nil : Int64(index) * 1_001,
                        rfm: rfm, nextOrderAt: index == 4 ? nil : 1_800_000_000_000 + Int64(index)))
            }
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO analytics_runs (id, status, triggered_by, started_at, heartbeat_at, model)
                    VALUES (7, 'succeeded', 'test', 0, 0, 'bgnbd+gamma_gamma')
                    """
                ).run()
            }

            // Action: write them as a refresh does, then read the table back, and each customer's scores as the
            // API does.
            let written = rows
            try await database.write { sql, driver in
                try await AnalyticsRefresher.writeScores(count: written.count, runID: 7, on: sql, driver: driver) {
                    Array(written[$0])
                }
            }
            let stored = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT customer_id, p_alive, expected_orders_90d, predicted_clv_12m_minor, rfm_recency,
                        rfm_frequency, rfm_monetary, next_order_at, run_id
                    FROM customer_scores ORDER BY customer_id
                    """
                ).all()
            }
            var loaded: [CustomerScores] = []
            for row in rows {
                loaded.append(
                    try #require(
                        try await CustomerScores.load(customerID: row.customerID, database: database, currency: "USD")))
            }

            // Check: every value as computed, and the words derived from it.
            #expect(stored.count == rows.count)
            for (row, record) in zip(rows, stored) {
                #expect(try record.decode(column: "customer_id", as: Int64.self) == row.customerID)
                #expect(try record.decode(column: "p_alive", as: Double?.self) == row.pAlive)
                #expect(
                    try record.decode(column: "predicted_clv_12m_minor", as: Int64?.self) == row.predictedClv12mMinor)
                #expect(try record.decode(column: "rfm_recency", as: Int.self) == row.rfm.recency)
                #expect(try record.decode(column: "rfm_frequency", as: Int.self) == row.rfm.frequency)
                #expect(try record.decode(column: "rfm_monetary", as: Int.self) == row.rfm.monetary)
                #expect(try record.decode(column: "next_order_at", as: Int64?.self) == row.nextOrderAt)
                #expect(try record.decode(column: "run_id", as: Int64.self) == 7)
            }
            for (row, scores) in zip(rows, loaded) {
                #expect(scores.rfm.segment == row.rfm.segment.rawValue)
                #expect(scores.churnRisk == row.pAlive.map { ChurnRisk(probabilityAlive: $0).rawValue })
                #expect(scores.model == "bgnbd+gamma_gamma")
            }
            #expect(Set(loaded.map(\.rfm.segment)) == Set(RFMSegment.allCases.map(\.rawValue)))
            #expect(Set(loaded.compactMap(\.churnRisk)) == Set(ChurnRisk.allCases.map(\.rawValue)))
        }
    }

    @Test func thePipelineMakesAndWritesEveryBlockOnceInOrder() async throws {
        // Setup: 25 rows in blocks of 10, and an empty run.
        let made = Mutex<[Range<Int>]>([])
        var written: [Range<Int>] = []

        // Action: make and write them.
        try await AnalyticsRefresher.pipelined(count: 25, blockSize: 10) { range in
            made.withLock { $0.append(range) }
            return range
        } write: {
            written.append($0)
        }
        try await AnalyticsRefresher.pipelined(count: 0, blockSize: 10) { range in
            made.withLock { $0.append(range) }
            return range
        } write: {
            written.append($0)
        }

        // Check: each block made once and written once, in order, the last one short.
        #expect(written == [0..<10, 10..<20, 20..<25])
        #expect(made.withLock { $0 } == [0..<10, 10..<20, 20..<25])
    }

    @Test(arguments: TestBackend.available)
    func scoresOfMoreCustomersThanOneStatementAreAllWritten(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            // Setup: 12,345 customers, so SQLite writes two full statements and a short one.
            let count = 12_345
            try await database.write { sql in
                try await sql.raw(
                    """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(literal: count))
                    INSERT INTO customers (id, created_at, updated_at) SELECT i, 0, 0 FROM n
                    """
                ).run()
            }

            // Action: write a score for each, as a refresh does.
            try await database.write { sql, driver in
                try await AnalyticsRefresher.writeScores(count: count, runID: 3, on: sql, driver: driver) { range in
                    range.map { index in
                        CustomerScoreRow(
                            customerID: Int64(index + 1), pAlive: nil, expectedOrders90d: 1,
                            predictedClv12mMinor: Int64(index), rfm: RFMScore(recency: 1, frequency: 1, monetary: 1),
                            nextOrderAt: nil)
                    }
                }
            }

            // Check: every customer has its own score.
            let stored = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n, CAST(SUM(predicted_clv_12m_minor - customer_id) AS BIGINT) AS drift
                    FROM customer_scores
                    """
                ).first(decoding: Stored.self)
            }
            #expect(stored == Stored(n: count, drift: -Int64(count)))
        }
    }

    private struct Stored: Decodable, Equatable {
        var n: Int
        var drift: Int64
    }

    @Test func largeStoresFitOnAnEvenlySpacedSampleOfCustomers() {
        // Setup: ten customers whose frequency is their id.
        let ids = (1...10).map(Int64.init)
        let summaries = CustomerSummaries(
            customerIDs: ids, frequency: ids.map(Double.init), recency: ids.map(Double.init),
            age: ids.map { Double($0) + 1 }, monetaryValue: ids.map(Double.init))

        // Action: a sample of at most four, and one larger than the store.
        let sample = CustomerScorePlan.fitSample(of: summaries, maximum: 4)
        let whole = CustomerScorePlan.fitSample(of: summaries, maximum: 10)

        // Check: every k-th customer with its own values; a store within the limit is fitted whole.
        #expect(sample.customerIDs == [1, 3, 6, 8])
        #expect(sample.frequency == [1, 3, 6, 8])
        #expect(sample.age == [2, 4, 7, 9])
        #expect(whole.customerIDs == ids)
    }

    @Test func theNightlyRefreshIsAt3AMStoreTimeAcrossDaylightSavingChanges() throws {
        let newYork = try #require(StoreTimeZone.named("America/New_York"))
        // 2026-03-08 is the spring-forward day in New York; 03:00 local is 07:00Z that day.
        let beforeSpringForward = Date(timeIntervalSince1970: 1_772_946_000)  // 2026-03-08T05:00:00Z (00:00 EST)

        let next = NightlyAnalytics.nextRun(after: beforeSpringForward, timeZone: newYork)
        let afterIt = NightlyAnalytics.nextRun(after: next, timeZone: newYork)

        #expect(next == Date(timeIntervalSince1970: 1_772_953_200))  // 2026-03-08T07:00:00Z
        #expect(afterIt.timeIntervalSince(next) == 24 * 3600)
    }
}
