import Crypto
import Foundation
import RegularsCore
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct IntegrationsTests {
    static func signature(_ body: Data, secret: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))))
            .base64EncodedString()
    }

    /// Delivers Shopify's orders/create sample signed with `secret` and returns the status.
    static func deliverShopifyOrder(_ app: Application, signedWith secret: String) async throws -> HTTPStatus {
        let body = try ShopifyWebhookTests.fixture("orders_create")
        var headers: HTTPHeaders = [
            "X-Shopify-Topic": "orders/create", "X-Shopify-Hmac-Sha256": signature(body, secret: secret),
            "X-Shopify-Event-Id": UUID().uuidString,
        ]
        headers.contentType = .json
        var status = HTTPStatus.internalServerError
        try await app.testing().test(.POST, "/webhooks/shopify", headers: headers, body: ByteBuffer(data: body)) {
            status = $0.status
        }
        return status
    }

    static func post(
        _ app: Application, _ path: String, json: String? = nil, headers: HTTPHeaders,
        _ check: (TestingHTTPResponse) async throws -> Void
    ) async throws {
        var headers = headers
        if json != nil { headers.contentType = .json }
        try await app.testing().test(
            .POST, path, headers: headers, body: json.map { ByteBuffer(string: $0) }, afterResponse: check)
    }

    static func integrations(_ app: Application, headers: HTTPHeaders) async throws -> [String: IntegrationStatus] {
        var result: [String: IntegrationStatus] = [:]
        try await app.testing().test(.GET, "/api/integrations", headers: headers) { response in
            #expect(response.status == .ok)
            let listing = try response.json(IntegrationsController.Listing.self)
            result = Dictionary(uniqueKeysWithValues: listing.integrations.map { ($0.source, $0) })
        }
        return result
    }

    @Test(arguments: TestBackend.available)
    func aRotatedShopifySecretTakesEffectAtOnce(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: ["REGULARS_PUBLIC_URL": "https://regulars.example.com"]) { app in
            let admin = try await app.adminHeaders()
            let first = "first-secret-0123456789"
            try await Self.post(
                app, "/api/integrations/shopify/secret", json: #"{"secret":"\#(first)"}"#, headers: admin
            ) { #expect($0.status == .ok) }
            #expect(try await Self.deliverShopifyOrder(app, signedWith: first) == .ok)

            var rotated = ""
            try await Self.post(app, "/api/integrations/shopify/secret", headers: admin) { response in
                #expect(response.status == .ok)
                let body = try response.json(IntegrationsController.RotatedSecret.self)
                rotated = body.secret
                #expect(body.endpoint == "https://regulars.example.com/webhooks/shopify")
            }

            #expect(rotated.count >= 32 && rotated != first, "an empty body generates a new secret")
            #expect(try await Self.deliverShopifyOrder(app, signedWith: first) == .unauthorized)
            #expect(try await Self.deliverShopifyOrder(app, signedWith: rotated) == .ok)
            let shopify = try #require(try await Self.integrations(app, headers: admin)["shopify"])
            #expect(shopify.secret == "stored" && shopify.status == "receiving")
            #expect(shopify.deliveriesToday == 2 && shopify.lastEventReceivedAt != nil)
            #expect(shopify.endpoints == ["https://regulars.example.com/webhooks/shopify"])
        }
    }

    @Test(arguments: TestBackend.available)
    func aSecretSetByTheEnvironmentIsNotRotatable(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: ShopifyWebhookTests.environment) { app in
            let admin = try await app.adminHeaders()

            try await Self.post(
                app, "/api/integrations/shopify/secret", json: #"{"secret":"another-secret-0123456789"}"#,
                headers: admin
            ) { response in
                #expect(response.status == .conflict)
                #expect(response.problem?.invalidParams?.first?.name == "secret")
            }

            #expect(try await Self.deliverShopifyOrder(app, signedWith: ShopifyWebhookTests.secret) == .ok)
            let listed = try await Self.integrations(app, headers: admin)
            #expect(listed["shopify"]?.secret == "environment")
            #expect(listed["woocommerce"]?.secret == "none" && listed["woocommerce"]?.status == "not_configured")
        }
    }

    @Test(arguments: TestBackend.available)
    func badSecretsAndUnknownKeysAreProblemsNamingTheField(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let admin = try await app.adminHeaders()

            try await Self.post(
                app, "/api/integrations/woocommerce/secret", json: #"{"secret":"short"}"#, headers: admin
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.problem?.invalidParams?.first?.name == "secret")
            }
            try await app.testing().test(.DELETE, "/api/integrations/segment/write-keys/rk_ingest_nope", headers: admin)
            { #expect($0.status == .notFound && $0.problem != nil) }
            try await app.testing().test(.GET, "/api/integrations") { #expect($0.status == .unauthorized) }
        }
    }

    @Test(arguments: TestBackend.available)
    func aWriteKeyCreatedHereAuthenticatesTrackingCallsUntilRevoked(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let admin = try await app.adminHeaders()
            var created = IntegrationsController.CreatedWriteKey(key: "", prefix: "", name: "")
            try await Self.post(app, "/api/integrations/segment/write-keys", json: #"{"name":"web"}"#, headers: admin) {
                response in
                #expect(response.status == .created)
                created = try response.json(IntegrationsController.CreatedWriteKey.self)
            }
            func track(_ id: String) async throws -> HTTPStatus {
                var status = HTTPStatus.internalServerError
                let basic = Data("\(created.key):".utf8).base64EncodedString()
                try await Self.post(
                    app, "/v1/track", json: #"{"userId":"u1","event":"Product Viewed","messageId":"\#(id)"}"#,
                    headers: ["Authorization": "Basic \(basic)"]
                ) { status = $0.status }
                return status
            }

            #expect(try await track("m-1") == .ok)
            let segment = try #require(try await Self.integrations(app, headers: admin)["segment"])
            #expect(segment.status == "receiving" && segment.deliveriesToday == 1)
            #expect(segment.writeKeys?.map(\.prefix) == [created.prefix])
            try await app.testing().test(
                .DELETE, "/api/integrations/segment/write-keys/\(created.prefix)", headers: admin
            ) { #expect($0.status == .noContent) }

            #expect(try await track("m-2") == .unauthorized)
            let after = try await Self.integrations(app, headers: admin)["segment"]
            #expect(after?.status == "not_configured" && after?.writeKeys?.first?.revokedAt != nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func aWriteKeyMadeOnThePageIsShownOnceAndAReloadMakesNoOther(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            // Setup: a signed-in merchant on the page, with its CSRF token.
            var session = try await WebTests.signIn(app)
            var token = ""
            try await app.testing().test(.GET, "/integrations", headers: session) { response in
                token = try #require(WebTests.csrfToken(in: response.body.string))
            }

            // Action: create a key through the form, then load the page twice.
            session.contentType = .urlEncodedForm
            try await app.testing().test(
                .POST, "/integrations/segment/write-keys", headers: session,
                body: ByteBuffer(string: "_csrf=\(token)&name=Storefront")
            ) { response in
                #expect(response.status == .seeOther, "post/redirect/get")
                #expect(response.headers.first(name: .location) == "/integrations")
            }
            session.contentType = nil
            var shown = ""
            try await app.testing().test(.GET, "/integrations", headers: session) { response in
                let html = response.body.string
                let range = try #require(html.range(of: #"<code dir="ltr" class="secret">"#))
                shown = String(html[range.upperBound...].prefix { $0 != "<" })
            }
            var reloaded = ""
            try await app.testing().test(.GET, "/integrations", headers: session) { reloaded = $0.body.string }

            // Check: the key shown works, is not shown again, and is the only one.
            #expect(shown.hasPrefix("rk_ingest_"))
            #expect(!reloaded.contains(shown), "the key is shown only once")
            var track = HTTPHeaders()
            track.add(name: .authorization, value: "Basic " + Data("\(shown):".utf8).base64EncodedString())
            try await Self.post(
                app, "/v1/track", json: #"{"userId":"u1","event":"Product Viewed","messageId":"m-1"}"#,
                headers: track
            ) { #expect($0.status == .ok) }
            let admin = try await app.adminHeaders()
            let keys = try await Self.integrations(app, headers: admin)["segment"]?.writeKeys ?? []
            #expect(keys.map(\.name) == ["Storefront"])
        }
    }

    @Test(arguments: TestBackend.available)
    func theIntegrationsPageRendersInArabicAndRotatesASecretOnce(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            var session = try await WebTests.signIn(app)
            var token = ""

            try await app.testing().test(.GET, "/integrations?lang=ar", headers: session) { response in
                let html = response.body.string
                #expect(response.status == .ok)
                #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
                #expect(html.contains("<h1>التكاملات</h1>"))
                #expect(html.contains(#"href="/integrations" aria-current="page""#))
                #expect(html.contains(#"action="/integrations/woocommerce/secret""#))
                #expect(html.components(separatedBy: #"class="card integration""#).count == 4)
                token = try #require(WebTests.csrfToken(in: html))
            }
            session.contentType = .urlEncodedForm
            try await app.testing().test(
                .POST, "/integrations/woocommerce/secret", headers: session, body: ByteBuffer(string: "secret=")
            ) { #expect($0.status == .forbidden, "a form without the CSRF token is refused") }
            try await app.testing().test(
                .POST, "/integrations/woocommerce/secret", headers: session,
                body: ByteBuffer(string: "_csrf=\(token)&secret=")
            ) { response in
                #expect(response.status == .seeOther, "post/redirect/get")
                #expect(response.headers.first(name: .location) == "/integrations")
            }
            session.contentType = nil
            var shown = ""
            try await app.testing().test(.GET, "/integrations?lang=en", headers: session) { response in
                #expect(response.status == .ok)
                let html = response.body.string
                let range = try #require(html.range(of: #"<code dir="ltr" class="secret">"#))
                shown = String(html[range.upperBound...].prefix { $0 != "<" })
            }

            let stored = try await app.regulars.webhookSecrets.current(.woocommerce)
            #expect(stored == WebhookSecret(value: shown, fromEnvironment: false) && shown.count >= 32)
            try await app.testing().test(.GET, "/integrations?lang=en", headers: session) { response in
                #expect(!response.body.string.contains(shown), "the secret is shown only once")
                #expect(response.body.string.contains("Set"))
            }
            #expect(
                try await app.regulars.webhookSecrets.current(.woocommerce) == stored,
                "reloading the page rotates nothing")
        }
    }

    @Test(arguments: TestBackend.available)
    func refusedSignaturesAndWriteKeysAreCountedPerReasonWithoutTheirBodies(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let admin = try await app.adminHeaders()
            try await Self.post(
                app, "/api/integrations/shopify/secret", json: #"{"secret":"right-secret-0123456789"}"#, headers: admin
            ) { #expect($0.status == .ok) }
            let badKey = "Basic " + Data("rk_ingest_wrong:".utf8).base64EncodedString()

            for _ in 0..<3 {
                #expect(try await Self.deliverShopifyOrder(app, signedWith: "wrong-secret-0123456789") == .unauthorized)
            }
            for _ in 0..<2 {
                try await Self.post(
                    app, "/v1/track", json: #"{"userId":"u1","event":"Product Viewed","messageId":"m-1"}"#,
                    headers: ["Authorization": badKey]
                ) { #expect($0.status == .unauthorized) }
            }
            #expect(try await Self.deliverShopifyOrder(app, signedWith: "right-secret-0123456789") == .ok)

            let listed = try await Self.integrations(app, headers: admin)
            let shopify = try #require(listed["shopify"])
            #expect(shopify.rejectionsToday == 3)
            #expect(shopify.recentRejections.count == 1)
            let refused = try #require(shopify.recentRejections.first)
            #expect(refused.count == 3 && refused.status == 401 && refused.field == "X-Shopify-Hmac-Sha256")
            #expect(
                refused.reason == "X-Shopify-Hmac-Sha256 does not match the body" && refused.topic == "orders/create")
            let segment = try #require(listed["segment"]?.recentRejections.first)
            #expect(segment.count == 2 && segment.field == "writeKey" && listed["segment"]?.rejectionsToday == 2)
            #expect(
                try await Sample.count("ingest_rejection_counts", on: app.regulars.database) == 2, "one row per reason")
            #expect(try await Sample.count("ingest_rejections", on: app.regulars.database) == 0, "no body is kept")
            var session = try await WebTests.signIn(app)
            session.contentType = nil
            try await app.testing().test(.GET, "/integrations?lang=en", headers: session) { response in
                #expect(response.body.string.contains("X-Shopify-Hmac-Sha256 does not match the body (×3)"))
            }
        }
    }
}
