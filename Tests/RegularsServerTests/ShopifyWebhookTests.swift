import Crypto
import Foundation
import RegularsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct ShopifyWebhookTests {
    static let secret = "shpss_test_secret"
    static let environment = ["REGULARS_SHOPIFY_WEBHOOK_SECRET": secret]

    static func fixtureURL(_ name: String) -> URL? {
        Bundle.module.url(forResource: "Fixtures/shopify/\(name)", withExtension: "json")
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(fixtureURL(name)))
    }

    static func sign(_ body: Data) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    static func deliver(
        _ app: Application, topic: String, body: Data, eventID: String = UUID().uuidString, signature: String? = nil,
        _ check: (TestingHTTPResponse) async throws -> Void = { _ in }
    ) async throws {
        var headers: HTTPHeaders = [
            "X-Shopify-Topic": topic, "X-Shopify-Hmac-Sha256": signature ?? sign(body),
            "X-Shopify-Event-Id": eventID, "X-Shopify-Webhook-Id": UUID().uuidString,
        ]
        headers.contentType = .json
        try await app.testing().test(.POST, "/webhooks/shopify", headers: headers, body: ByteBuffer(data: body)) {
            response in try await check(response)
        }
    }

    @Test func theDocumentedHMACVectorsVerify() throws {
        struct Vector: Decodable { var file: String; var x_shopify_hmac_sha256_with_secret_shpss_test_secret: String }
        let vectors = try JSONDecoder().decode([Vector].self, from: Self.fixture("hmac_test_vectors"))
        let copied = vectors.filter { Self.fixtureURL(String($0.file.dropLast(5))) != nil }

        #expect(copied.count >= 5)
        for vector in copied {
            let body = try Self.fixture(String(vector.file.dropLast(5)))
            let signature = vector.x_shopify_hmac_sha256_with_secret_shpss_test_secret
            #expect(
                WebhookSignature.isValid(signature, body: body, secret: Self.secret),
                "\(vector.file)")
            #expect(
                !WebhookSignature.isValid(signature, body: body + Data([0x20]), secret: Self.secret))
        }
    }

    @Test(arguments: TestBackend.available)
    func theSameOrderDeliveredFiveTimesIsStoredOnce(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: Self.environment) { app in
            let body = try Self.fixture("orders_create")
            var statuses: [String] = []

            for attempt in 0..<5 {
                // Three retries of one delivery, then two new deliveries of the same, unchanged order.
                try await Self.deliver(
                    app, topic: "orders/create", body: body, eventID: attempt < 3 ? "evt-1" : "evt-\(attempt)"
                ) {
                    response in
                    #expect(response.status == .ok)
                    statuses.append(try response.json(WebhookReceipt.self).status)
                }
            }

            #expect(statuses == ["processed", "duplicate", "duplicate", "processed", "processed"])
            let database = app.regulars.database
            #expect(try await Sample.count("orders", on: database) == 1)
            #expect(try await Sample.count("webhook_deliveries", on: database) == 3)
            let identities = try await database.read { sql in
                try await sql.raw("SELECT source FROM customer_identities ORDER BY source").all(
                    decodingColumn: "source", as: String.self)
            }
            #expect(identities.contains("shopify") && identities.contains("email"))
        }
    }

    @Test(arguments: TestBackend.available)
    func anOlderUpdateArrivingLateDoesNotOverwriteANewerOne(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: Self.environment) { app in
            let original = String(decoding: try Self.fixture("orders_create"), as: UTF8.self)
            let newer = original.replacingOccurrences(
                of: #""updated_at": "2021-12-31T19:00:00-05:00""#, with: #""updated_at": "2022-01-02T10:00:00-05:00""#
            )
            .replacingOccurrences(of: #""fulfillment_status": null"#, with: #""fulfillment_status": "fulfilled""#)
            let older = original.replacingOccurrences(
                of: #""updated_at": "2021-12-31T19:00:00-05:00""#, with: #""updated_at": "2022-01-01T10:00:00-05:00""#)
            #expect(newer != original && older != original)

            try await Self.deliver(app, topic: "orders/updated", body: Data(newer.utf8))
            try await Self.deliver(app, topic: "orders/updated", body: Data(older.utf8))

            let (status, updated) = try await app.regulars.database.read { sql in
                (
                    try await sql.raw("SELECT fulfillment_status FROM orders").first(
                        decodingColumn: "fulfillment_status", as: String.self),
                    try await sql.raw("SELECT source_updated_at FROM orders").first(
                        decodingColumn: "source_updated_at", as: Int64.self)
                )
            }
            #expect(status == "fulfilled")
            #expect(updated == 1_641_135_600_000)  // 2022-01-02T15:00:00Z
        }
    }

    @Test(arguments: TestBackend.available)
    func aFlippedByteIsRefusedAndWritesNothing(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: Self.environment) { app in
            let body = try Self.fixture("orders_create")
            var tampered = body
            tampered[tampered.index(tampered.startIndex, offsetBy: 40)] ^= 0x01

            try await Self.deliver(app, topic: "orders/create", body: tampered, signature: Self.sign(body)) {
                response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.contentType == Problem.mediaType)
            }

            #expect(try await Sample.count("orders", on: app.regulars.database) == 0)
            #expect(try await Sample.count("customers", on: app.regulars.database) == 0)
            #expect(try await Sample.count("webhook_deliveries", on: app.regulars.database) == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func refundsCustomersCheckoutsAndFulfilmentsLand(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: Self.environment) { app in
            let database = app.regulars.database
            try await Self.deliver(app, topic: "orders/create", body: try Self.fixture("orders_create"))
            // The documented refund names the order by an id that was rounded upstream (…500 for …508); live
            // deliveries carry the exact id, so the test does too.
            let refund = String(decoding: try Self.fixture("refunds_create"), as: UTF8.self)
                .replacingOccurrences(of: "820982911946154500", with: "820982911946154508")

            try await Self.deliver(app, topic: "refunds/create", body: Data(refund.utf8)) { response in
                #expect(response.status == .ok)
            }
            try await Self.deliver(app, topic: "customers/create", body: try Self.fixture("customers_create"))
            try await Self.deliver(app, topic: "checkouts/create", body: try Self.fixture("checkouts_create"))
            try await Self.deliver(app, topic: "fulfillments/update", body: try Self.fixture("fulfillments_update"))
            try await Self.deliver(app, topic: "app/uninstalled", body: Data("{}".utf8)) { response in
                let receipt = try response.json(WebhookReceipt.self)
                #expect(receipt.status == "ignored")
            }

            #expect(try await Sample.count("refunds", on: database) == 1)
            #expect(try await Sample.count("checkouts", on: database) == 1)
            #expect(try await Sample.count("events", on: database) == 1)
            #expect(try await Sample.count("customers", on: database) >= 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func malformedPayloadsGetAProblemAndARejectionRecord(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: Self.environment) { app in
            let bodies = [#"{"id": 1, "currency": "#, #"{"id": 1, "currency": "XYZ", "line_items": []}"#]

            for body in bodies {
                try await Self.deliver(app, topic: "orders/create", body: Data(body.utf8)) { response in
                    #expect((400..<500).contains(response.status.code))
                    #expect(response.headers.contentType == Problem.mediaType)
                }
            }

            #expect(try await Sample.count("orders", on: app.regulars.database) == 0)
            #expect(try await Sample.count("ingest_rejections", on: app.regulars.database) == 2)
        }
    }
}
