import RegularsCore
import Vapor

/// Requires `Authorization: Bearer <key>` carrying a key of `scope`; answers 401 (no or unknown key) or 403 (a key of
/// another scope) as problem+json.
struct APIKeyMiddleware: AsyncMiddleware {
    let scope: APIKeyScope

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization?.token else {
            throw Problem(status: .unauthorized, detail: "Send an API key as 'Authorization: Bearer <key>'")
        }
        guard let granted = try await request.regulars.apiKeys.authenticate(bearer) else {
            throw Problem(status: .unauthorized, detail: "The API key is unknown or revoked")
        }
        guard granted == scope else {
            throw Problem(status: .forbidden, detail: "This route needs a key with the '\(scope.rawValue)' scope")
        }
        return try await next.respond(to: request)
    }
}
