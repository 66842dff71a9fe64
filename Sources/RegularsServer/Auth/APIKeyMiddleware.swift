import RegularsCore
import Vapor

/// Requires `Authorization: Bearer <key>` carrying a key of `scope`; answers 401 (no or unknown key) or 403 (a key of
/// another scope) as problem+json. A key verified within `APIKeyCache.lifetime` passes without a task or a query.
struct APIKeyMiddleware: Middleware {
    let scope: APIKeyScope

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let bearer = request.headers.bearerAuthorization?.token else {
            return request.eventLoop.makeFailedFuture(
                Problem(status: .unauthorized, detail: "Send an API key as 'Authorization: Bearer <key>'"))
        }
        let keys = request.regulars.apiKeys
        if let cached = keys.cachedScope(of: bearer) { return check(cached, request, next) }
        return request.eventLoop.makeFutureWithTask { try await keys.authenticate(bearer) }
            .flatMap { check($0, request, next) }
    }

    private func check(_ granted: APIKeyScope?, _ request: Request, _ next: any Responder) -> EventLoopFuture<Response>
    {
        guard let granted else {
            return request.eventLoop.makeFailedFuture(
                Problem(status: .unauthorized, detail: "The API key is unknown or revoked"))
        }
        guard granted == scope else {
            return request.eventLoop.makeFailedFuture(
                Problem(status: .forbidden, detail: "This route needs a key with the '\(scope.rawValue)' scope"))
        }
        return next.respond(to: request)
    }
}
