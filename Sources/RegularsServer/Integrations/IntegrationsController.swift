import Foundation
import RegularsCore
import Vapor

/// `GET /api/integrations`: every source's status, endpoints and recent rejections; `POST
/// /api/integrations/{shopify,woocommerce}/secret` sets or generates a webhook secret (shown this once);
/// `POST /api/integrations/segment/write-keys` creates a write key (shown this once) and
/// `DELETE /api/integrations/segment/write-keys/{prefix}` revokes one.
struct IntegrationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let integrations = routes.grouped("integrations")
        integrations.get(use: list)
        for source in [IntegrationSource.shopify, .woocommerce] {
            integrations.on(
                .POST, PathComponent(stringLiteral: source.rawValue), "secret", body: .collect(maxSize: "4kb")
            ) { request in try await self.rotate(request, source: source) }
        }
        integrations.on(.POST, "segment", "write-keys", body: .collect(maxSize: "4kb"), use: createWriteKey)
        integrations.delete("segment", "write-keys", ":prefix", use: revokeWriteKey)
    }

    struct Listing: Content {
        var integrations: [IntegrationStatus]
    }

    struct SecretRequest: Content {
        var secret: String?
    }

    struct RotatedSecret: Content {
        var source: String
        var secret: String
        var endpoint: String
    }

    struct WriteKeyRequest: Content {
        var name: String?
    }

    struct CreatedWriteKey: Content {
        var key: String
        var prefix: String
        var name: String
    }

    @Sendable func list(_ request: Request) async throws -> Listing {
        Listing(integrations: try await IntegrationStatus.loadAll(request.regulars))
    }

    func rotate(_ request: Request, source: IntegrationSource) async throws -> RotatedSecret {
        let body = try Self.decodeIfPresent(SecretRequest.self, request)
        let secret = try await request.regulars.webhookSecrets.rotate(source, to: body?.secret)
        return RotatedSecret(
            source: source.rawValue, secret: secret,
            endpoint: request.regulars.configuration.baseURL + (source.endpointPaths.first ?? ""))
    }

    @Sendable func createWriteKey(_ request: Request) async throws -> Response {
        let body = try Self.decodeIfPresent(WriteKeyRequest.self, request)
        let name = try Self.writeKeyName(body?.name)
        let key = try await request.regulars.apiKeys.create(scope: .ingest, name: name)
        return try await CreatedWriteKey(key: key, prefix: String(key.prefix(APIKeyStore.prefixLength)), name: name)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable func revokeWriteKey(_ request: Request) async throws -> HTTPStatus {
        let prefix = request.parameters.get("prefix") ?? ""
        guard try await Self.revokeWriteKey(prefix: prefix, services: request.regulars) else {
            throw Problem.notFound("An active write key with the prefix \(prefix)")
        }
        return .noContent
    }

    /// Revokes the active ingest key with `prefix`; `false` when there is none (admin keys are never touched here).
    static func revokeWriteKey(prefix: String, services: RegularsServices) async throws -> Bool {
        let keys = try await services.apiKeys.list()
        guard keys.contains(where: { $0.prefix == prefix && $0.scope == "ingest" && $0.revokedAt == nil }) else {
            return false
        }
        return try await services.apiKeys.revoke(prefix: prefix)
    }

    /// A write key's label: trimmed, 1 to 100 characters, "segment" when none is given.
    static func writeKeyName(_ given: String?) throws -> String {
        let name = (given ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.count <= 100 else { throw Problem.invalidField("name", "must be at most 100 characters") }
        return name.isEmpty ? "segment" : name
    }

    /// An optional JSON body: none is fine; anything else must be JSON.
    static func decodeIfPresent<T: Decodable>(_ type: T.Type, _ request: Request) throws -> T? {
        guard let body = request.body.data, body.readableBytes > 0 else { return nil }
        guard request.headers.contentType == .json else {
            throw Problem(status: .unsupportedMediaType, detail: "Send the body as application/json")
        }
        return try JSONDecoder.api.decode(T.self, from: Data(body.readableBytesView))
    }
}
