import Foundation
import RegularsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// `/v1/batch` written as set operations (`SegmentBatchWriter`): the same facts as the same messages sent one by
/// one, exactly once per `messageId`, with aggregates and rollups equal to a rebuild from the orders.
@Suite struct IngestBatchTests {
    // MARK: Messages

    static func order(
        _ id: String, order: String, user: String, total: Int, at: String, event: String = "Order Completed",
        email: String? = nil
    ) -> String {
        """
        {"type":"track","event":"\(event)","userId":"\(user)","messageId":"\(id)","timestamp":"\(at)",\
        \(email.map { #""context":{"traits":{"email":"\#($0)"}},"# } ?? "")\
        "properties":{"order_id":"\(order)","currency":"USD","total":\(total),\
        "products":[{"product_id":"p-\(order)","sku":"SKU","name":"Tea","price":\(total),"quantity":1}]}}
        """
    }

    static let scenario: [String] = [
        #"{"type":"track","event":"Product Viewed","anonymousId":"a1","messageId":"m1","timestamp":"2026-01-09T09:00:00Z"}"#,
        #"{"type":"identify","userId":"u1","anonymousId":"a1","messageId":"m2","timestamp":"2026-01-09T10:00:00Z","traits":{"email":"ann@example.com","firstName":"Ann"}}"#,
        order("m3", order: "o1", user: "u1", total: 30, at: "2026-01-10T10:00:00Z"),
        order("m4", order: "o2", user: "u2", total: 20, at: "2026-01-11T10:00:00Z", email: "bob@example.com"),
        order("m3", order: "o1", user: "u1", total: 30, at: "2026-01-10T10:00:00Z"),
        order("m5", order: "o1", user: "u1", total: 35, at: "2026-01-12T10:00:00Z", event: "Order Updated"),
        order("m6", order: "o1", user: "u1", total: 99, at: "2026-01-10T11:00:00Z", event: "Order Updated"),
        #"{"type":"alias","userId":"u2","previousId":"u1","messageId":"m7","timestamp":"2026-01-13T10:00:00Z"}"#,
        order("m8", order: "o3", user: "u1", total: 10, at: "2026-02-10T10:00:00Z"),
        #"{"type":"track","event":"Order Refunded","userId":"u2","messageId":"m9","timestamp":"2026-02-11T10:00:00Z","properties":{"order_id":"o2","total":5,"currency":"USD"}}"#,
        #"{"type":"track","event":"Order Cancelled","userId":"u1","messageId":"m10","timestamp":"2026-02-12T10:00:00Z","properties":{"order_id":"o3"}}"#,
        #"{"type":"track","event":"Signed Up","userId":"u3","messageId":"m11","timestamp":"2026-02-12T11:00:00Z"}"#,
        order("m12", order: "o4", user: "u3", total: 15, at: "2026-03-01T10:00:00Z"),
        order("m13", order: "o5", user: "u3", total: 25, at: "2026-03-02T10:00:00Z"),
    ]

    // MARK: Helpers

    static func post(_ app: Application, key: String, _ messages: [String]) async throws -> SegmentController.Accepted {
        var headers: HTTPHeaders = ["Authorization": "Basic " + Data("\(key):".utf8).base64EncodedString()]
        headers.contentType = .json
        var accepted: SegmentController.Accepted?
        try await app.testing().test(
            .POST, "/v1/batch", headers: headers,
            body: ByteBuffer(string: #"{"batch":["# + messages.joined(separator: ",") + "]}")
        ) { response in
            #expect(response.status == .ok, "\(response.body.string)")
            accepted = try? JSONDecoder().decode(SegmentController.Accepted.self, from: Data(buffer: response.body))
        }
        return try #require(accepted)
    }

    /// Every stored fact, named by what the sender knows (message ids, order ids, customers' identities).
    struct Snapshot: Equatable, CustomStringConvertible {
        var rows: [String: [String]]
        var description: String {
            rows.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        }
    }

    static func snapshot(_ database: Database) async throws -> Snapshot {
        try await database.read { sql in
            let customer = """
                COALESCE((SELECT MIN(i.source || ':' || i.external_id) FROM customer_identities i
                    WHERE i.customer_id = c.id AND i.source = 'segment_user_id'), 'none')
                """
            let queries = [
                "customers": """
                SELECT \(customer) || ' ' || COALESCE(c.email, '-') || ' ' || COALESCE(c.first_name, '-') || ' '
                    || c.order_count || ' ' || c.order_days || ' ' || c.net_revenue_minor || ' ' || c.refunded_minor
                    || ' ' || c.first_order_net_minor || ' ' || COALESCE(c.first_order_at, 0) || ' '
                    || COALESCE(c.last_order_at, 0) AS v FROM customers c
                """,
                "identities": """
                SELECT i.source || ':' || i.external_id || ' ' || (SELECT \(customer) FROM customers c
                    WHERE c.id = i.customer_id) AS v FROM customer_identities i
                """,
                "orders": """
                SELECT o.external_id || ' ' || COALESCE((SELECT \(customer) FROM customers c
                    WHERE c.id = o.customer_id), '-') || ' ' || o.total_minor || ' ' || o.financial_status || ' '
                    || CASE WHEN o.cancelled_at IS NULL THEN 'live' ELSE 'cancelled' END || ' '
                    || (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS v FROM orders o
                """,
                "events": """
                SELECT e.message_id || ' ' || e.type || ' ' || COALESCE((SELECT \(customer) FROM customers c
                    WHERE c.id = e.customer_id), '-') AS v FROM events e
                """,
                "customer_months": """
                SELECT (SELECT \(customer) FROM customers c WHERE c.id = m.customer_id) || ' ' || m.month || ' '
                    || m.orders || ' ' || m.net_minor AS v FROM customer_months m
                """,
                "cohort_months": """
                SELECT cohort_month || ' ' || month || ' ' || customers || ' ' || orders || ' ' || net_minor || ' '
                    || repeat_customers || ' ' || repeat_net_minor AS v FROM cohort_months
                """,
            ]
            var rows: [String: [String]] = [:]
            for (name, query) in queries {
                rows[name] = try await sql.raw(SQLQueryString(query)).all(decodingColumn: "v", as: String.self).sorted()
            }
            return Snapshot(rows: rows)
        }
    }

    // MARK: Tests

    @Test(arguments: TestBackend.available)
    func aBatchStoresTheSameFactsAsItsMessagesSentOneByOne(backend: TestBackend) async throws {
        try await withTestApp(backend) { batched in
            try await withTestApp(backend) { single in
                let batchedKey = try await batched.regulars.apiKeys.create(scope: .ingest, name: "batch")
                let singleKey = try await single.regulars.apiKeys.create(scope: .ingest, name: "single")

                let first = try await Self.post(batched, key: batchedKey, Self.scenario)
                for message in Self.scenario { _ = try await Self.post(single, key: singleKey, [message]) }
                let again = try await Self.post(batched, key: batchedKey, Self.scenario)

                #expect(first.accepted == 13 && first.duplicates == 1 && first.rejected == 0)
                #expect(again.accepted == 0 && again.duplicates == 14)
                let stored = try await Self.snapshot(batched.regulars.database)
                #expect(stored == (try await Self.snapshot(single.regulars.database)))
                #expect(stored.rows["customers"]?.count == 2, "the alias merged u1 and u2; u3 is the other")
                #expect(
                    stored.rows["orders"]?.contains("o1 segment_user_id:u1 3500 pending live 1") == true,
                    "the newer update won and the older one changed nothing")
                #expect(
                    stored.rows["events"]?.filter { $0.hasSuffix(" -") }
                        == ["m10 Order Cancelled -", "m9 Order Refunded -"],
                    "every event naming a customer is linked to it, the anonymous view included")
                _ = try await batched.regulars.database.write { sql in try await CustomerAggregates.rebuildAll(on: sql)
                }
                #expect(try await Self.snapshot(batched.regulars.database) == stored, "equal to a rebuild")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aRefusedMessageIsLeftOutAndABadBodyWritesNothing(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let key = try await app.regulars.apiKeys.create(scope: .ingest, name: "batch")
            let euro = Self.order("m2", order: "o2", user: "u1", total: 20, at: "2026-01-11T10:00:00Z")
                .replacingOccurrences(of: #""currency":"USD""#, with: #""currency":"EUR""#)
            let unknownRefund =
                #"{"type":"track","event":"Order Refunded","userId":"u1","messageId":"m3","timestamp":"2026-01-12T10:00:00Z","properties":{"order_id":"nope","total":5}}"#

            let accepted = try await Self.post(
                app, key: key,
                [Self.order("m1", order: "o1", user: "u1", total: 30, at: "2026-01-10T10:00:00Z"), euro, unknownRefund])
            var headers: HTTPHeaders = ["Authorization": "Basic " + Data("\(key):".utf8).base64EncodedString()]
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/v1/batch", headers: headers,
                body: ByteBuffer(string: #"{"batch":[{"type":"track","event":"Order Completed","userId":"u9""#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers.contentType == Problem.mediaType)
            }

            #expect(accepted.accepted == 1 && accepted.rejected == 2)
            let stored = try await Self.snapshot(app.regulars.database)
            #expect(stored.rows["orders"] == ["o1 segment_user_id:u1 3000 paid live 1"])
            #expect(stored.rows["events"] == ["m1 Order Completed segment_user_id:u1"])
            #expect(try await Sample.count("ingest_rejections", on: app.regulars.database) == 2)
        }
    }

    @Test(arguments: TestBackend.available)
    func ordersInABatchEarnPointsWhenTheProgrammeIsOn(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let key = try await app.regulars.apiKeys.create(scope: .ingest, name: "batch")
            let now = Date()
            let at = { (minutes: Double) in Instant(now.addingTimeInterval(-3600 + minutes * 60)).iso8601 }

            let accepted = try await Self.post(
                app, key: key,
                [
                    Self.order("m1", order: "o1", user: "u1", total: 30, at: at(1)),
                    Self.order("m2", order: "o2", user: "u2", total: 20, at: at(2)),
                    Self.order("m3", order: "o3", user: "u1", total: 10, at: at(3)),
                ])

            #expect(accepted.accepted == 3)
            let earned = try await app.regulars.database.read { sql in
                try await sql.raw(
                    "SELECT COUNT(DISTINCT order_id) AS n FROM loyalty_entries WHERE order_id IS NOT NULL"
                ).first(decodingColumn: "n", as: Int.self)
            }
            #expect(earned == 3, "every order earned in the batch's transaction")
            try await LoyaltySample.expectConsistent(app.regulars.database)
            let stored = try await Self.snapshot(app.regulars.database)
            _ = try await app.regulars.database.write { sql in try await CustomerAggregates.rebuildAll(on: sql) }
            #expect(try await Self.snapshot(app.regulars.database) == stored)
        }
    }
}
