import Foundation
import RegularsCore
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct AdminAPITests {
    @Test(arguments: TestBackend.available)
    func theAPIRefusesMissingWrongAndUnderScopedKeys(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let ingestKey = try await app.regulars.apiKeys.create(scope: .ingest, name: "shop")

            try await app.testing().test(.GET, "/api/customers") { response in
                #expect(response.status == .unauthorized)
                #expect(response.problem?.status == 401)
                #expect(response.headers.first(name: .wwwAuthenticate) == "Bearer")
            }
            try await app.testing().test(
                .GET, "/api/customers", headers: ["Authorization": "Bearer rk_admin_nope-nope-nope"]
            ) { response in
                #expect(response.status == .unauthorized)
            }
            try await app.testing().test(.GET, "/api/customers", headers: ["Authorization": "Bearer \(ingestKey)"]) {
                response in
                #expect(response.status == .forbidden)
                #expect(response.problem?.detail?.contains("admin") == true)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func customersAreSearchableInEveryScriptAndPaged(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let database = app.regulars.database
            _ = try await Sample.customer("layla@example.com", first: "ليلى", last: "حداد", on: database)
            _ = try await Sample.customer("wang.wei@example.com", first: "伟", last: "王", on: database)
            for index in 0..<5 {
                _ = try await Sample.customer(
                    "shopper\(index)@example.com", first: "Sam", last: "Lee\(index)", on: database)
            }
            let headers = try await app.adminHeaders()

            try await app.testing().test(
                .GET, "/api/customers?q=\("حداد".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                headers: headers
            ) { response in
                let page = try response.json(Page<CustomerSummary>.self)
                #expect(page.items.map(\.name) == ["ليلى حداد"])
            }
            try await app.testing().test(
                .GET, "/api/customers?q=\("王伟".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                headers: headers
            ) { response in
                let page = try response.json(Page<CustomerSummary>.self)
                #expect(page.items.map(\.email) == ["wang.wei@example.com"])
            }
            var seen: [Int64] = []
            var cursor: String? = nil
            repeat {
                let path = "/api/customers?q=sam&limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                try await app.testing().test(.GET, path, headers: headers) { response in
                    let page = try response.json(Page<CustomerSummary>.self)
                    seen += page.items.map(\.id)
                    #expect(page.hasMore == (page.nextCursor != nil))
                    cursor = page.nextCursor
                }
            } while cursor != nil
            #expect(seen.count == 5 && Set(seen).count == 5 && seen == seen.sorted(by: >))
        }
    }

    @Test(arguments: TestBackend.available)
    func aProfileCarriesIdentitiesConsentOrdersRefundsAndTimeline(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let database = app.regulars.database
            let id = try await Sample.customer(
                "ada@example.com", first: "Ada", last: "Lovelace",
                identities: [CustomerIdentity(source: .shopify, externalID: "115310627314723954")], on: database)
            let order = try await Sample.upsert(
                Sample.order("5001", customerID: id, totalMinor: 5_000, lines: [("Earl Grey", 2, 2_500)]), on: database)
            _ = try await Sample.refund("r-1", orderID: order.id, amountMinor: 2_500, on: database)
            try await database.write { sql in
                try await CustomerWriter(sql: sql).recordConsent(
                    customerID: id, channel: .email, granted: true, at: Sample.start, source: "checkout")
            }
            let headers = try await app.adminHeaders()

            try await app.testing().test(.GET, "/api/customers/\(id)", headers: headers) { response in
                #expect(response.status == .ok)
                let profile = try response.json(CustomerProfile.self)
                #expect(profile.identities.contains { $0.source == "shopify" && $0.externalId == "115310627314723954" })
                #expect(profile.consent.map(\.channel) == ["email"])
                #expect(profile.aggregates.netRevenue == MoneyDTO(minorUnits: 2_500, currency: "USD"))
                #expect(profile.orders.first?.lines.first?.unitPrice.amount == "25.00")
                #expect(profile.orders.first?.refunds.first?.lines.first?.quantity == 1)
                #expect(Set(profile.timeline.map(\.kind)) == ["order", "refund", "consent"])
            }
            try await app.testing().test(.GET, "/api/orders/\(order.id)", headers: headers) { response in
                let detail = try response.json(OrderDetail.self)
                #expect(detail.financialStatus == "partially_refunded")
                #expect(detail.refunded.minorUnits == 2_500)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func badRequestsGetProblemsNamingTheField(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let headers = try await app.adminHeaders()
            let cases: [(String, HTTPStatus, String?)] = [
                ("/api/customers/999", .notFound, nil),
                ("/api/customers/abc", .badRequest, "id"),
                ("/api/customers?limit=0", .badRequest, "limit"),
                ("/api/customers?limit=ten", .badRequest, nil),
                ("/api/customers?cursor=bm9wZQ", .badRequest, "cursor"),
                ("/api/customers?locale=fr", .badRequest, "locale"),
                ("/api/customers?segment=Champs", .badRequest, "segment"),
                ("/api/nothing-here", .notFound, nil),
                ("/no/such/route", .notFound, nil),
            ]
            for (path, status, field) in cases {
                try await app.testing().test(.GET, path, headers: headers) { response in
                    #expect(response.status == status, "\(path)")
                    #expect(response.headers.contentType == Problem.mediaType, "\(path)")
                    if let field { #expect(response.problem?.invalidParams?.first?.name == field, "\(path)") }
                }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func malformedOversizedOrMistypedKeyRequestsWriteNothing(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            var headers = try await app.adminHeaders()
            headers.contentType = .json
            let keysBefore = try await app.regulars.apiKeys.list().count
            let bodies: [(String, HTTPStatus, String?)] = [
                (#"{"scope": "admin", "name": "#, .badRequest, nil),
                (#"{"scope": 5, "name": "x"}"#, .badRequest, "scope"),
                (#"{"name": "x"}"#, .badRequest, "scope"),
                (#"{"scope": "root", "name": "x"}"#, .badRequest, "scope"),
                (#"{"scope": "ingest", "name": ""}"#, .badRequest, "name"),
            ]

            for (body, status, field) in bodies {
                try await app.testing().test(.POST, "/api/keys", headers: headers, body: ByteBuffer(string: body)) {
                    response in
                    #expect(response.status == status, "\(body.prefix(40))")
                    #expect(response.headers.contentType == Problem.mediaType)
                    if let field { #expect(response.problem?.invalidParams?.first?.name == field) }
                }
            }

            let oversized = #"{"scope": "ingest", "name": "\#(String(repeating: "x", count: 8_000))"}"#
            try await app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...60_000)))
                .test(.POST, "/api/keys", headers: headers, body: ByteBuffer(string: oversized)) { response in
                    #expect(response.status == .payloadTooLarge)
                    #expect(response.headers.contentType == Problem.mediaType)
                }

            #expect(try await app.regulars.apiKeys.list().count == keysBefore)
            try await app.testing().test(
                .POST, "/api/keys", headers: headers, body: ByteBuffer(string: #"{"scope":"ingest","name":"shop"}"#)
            ) { response in
                #expect(response.status == .created)
                let key = try response.json(APIKeysController.Created.self)
                #expect(try await app.regulars.apiKeys.authenticate(key.key) == .ingest)
            }
        }
    }
}
