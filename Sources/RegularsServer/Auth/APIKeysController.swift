import RegularsCore
import Vapor

/// `GET /api/keys` lists keys by prefix; `POST /api/keys` creates one and shows it this once.
struct APIKeysController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("keys", use: list)
        routes.on(.POST, "keys", body: .collect(maxSize: "4kb"), use: create)
    }

    struct CreateRequest: Content {
        var scope: String
        var name: String
    }

    struct Created: Content {
        var key: String
        var prefix: String
        var scope: String
        var name: String
    }

    struct Listed: Content {
        var prefix: String
        var scope: String
        var name: String
        var createdAt: String
        var revokedAt: String?
    }

    @Sendable func list(_ request: Request) async throws -> [Listed] {
        try await request.regulars.apiKeys.list().map {
            Listed(
                prefix: $0.prefix, scope: $0.scope, name: $0.name, createdAt: $0.createdAt.iso8601,
                revokedAt: $0.revokedAt?.iso8601)
        }
    }

    @Sendable func create(_ request: Request) async throws -> Response {
        guard request.headers.contentType == .json else {
            throw Problem(status: .unsupportedMediaType, detail: "Send the key's scope and name as application/json")
        }
        let body = try request.content.decode(CreateRequest.self, using: JSONDecoder.api)
        guard let scope = APIKeyScope(rawValue: body.scope) else {
            throw Problem.invalidField("scope", "must be one of admin, ingest")
        }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else { throw Problem.invalidField("name", "must be 1 to 100 characters") }
        let key = try await request.regulars.apiKeys.create(scope: scope, name: name)
        let created = Created(
            key: key, prefix: String(key.prefix(APIKeyStore.prefixLength)), scope: scope.rawValue, name: name)
        return try await created.encodeResponse(status: .created, for: request)
    }
}
