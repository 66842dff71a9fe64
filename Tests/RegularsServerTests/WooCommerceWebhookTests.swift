import Crypto
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct WooCommerceWebhookTests {
    static let secret = "wc-secret-for-tests"
    static let environment = ["REGULARS_WOOCOMMERCE_WEBHOOK_SECRET": secret]

    static func order() throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/woocommerce/order_customer", withExtension: "json"))
        return try Data(contentsOf: url)
    }

    static func post(
        _ app: Application, body: Data, topic: String? = "order.created", delivery: String = UUID().uuidString,
        signed: Bool = true, contentType: HTTPMediaType = .json, _ check: (TestingHTTPResponse) async throws -> Void
    ) async throws {
        var headers: HTTPHeaders = ["X-WC-Webhook-Delivery-ID": delivery]
        if let topic { headers.add(name: "X-WC-Webhook-Topic", value: topic) }
        if signed {
            let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
            headers.add(name: "X-WC-Webhook-Signature", value: Data(mac).base64EncodedString())
        }
        headers.contentType = contentType
        try await app.testing().test(.POST, "/webhooks/woocommerce", headers: headers, body: ByteBuffer(data: body)) {
            try await check($0)
        }
    }

    @Test(arguments: TestBackend.available)
    func aSignedOrderIsStoredOnceAndThePingIsAnswered(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: Self.environment) { app in
            try await Self.post(
                app, body: Data("webhook_id=17".utf8), topic: nil, signed: false, contentType: .urlEncodedForm
            ) {
                #expect($0.status == .ok)
            }
            for _ in 0..<3 {
                try await Self.post(app, body: try Self.order(), delivery: "d-1") { #expect($0.status == .ok) }
            }
            try await Self.post(app, body: try Self.order(), topic: "order.updated") { #expect($0.status == .ok) }

            let database = app.regulars.database
            #expect(try await Sample.count("orders", on: database) == 1)
            #expect(try await Sample.count("webhook_deliveries", on: database) == 2)
            #expect(try await Sample.count("customers", on: database) == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aBadSignatureIsRefusedAndWritesNothing(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: Self.environment) { app in
            var headers: HTTPHeaders = ["X-WC-Webhook-Topic": "order.created", "X-WC-Webhook-Signature": "bm9wZQ=="]
            headers.contentType = .json

            try await app.testing().test(
                .POST, "/webhooks/woocommerce", headers: headers, body: ByteBuffer(data: try Self.order())
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers.contentType == Problem.mediaType)
            }

            #expect(try await Sample.count("orders", on: app.regulars.database) == 0)
        }
    }
}
