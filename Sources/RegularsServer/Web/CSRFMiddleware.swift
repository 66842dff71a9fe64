import Vapor

/// Synchroniser-token CSRF protection: every session carries a random token, every form posts it back as `_csrf`,
/// and a POST whose token does not match is refused with 403 before it reaches a handler.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let sessionKey = "csrf"

    static func token(for request: Request) -> String {
        if let token = request.session.data[sessionKey] { return token }
        let token = SecretToken.make()
        request.session.data[sessionKey] = token
        return token
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            let sent = (try? request.content.get(String.self, at: Self.field)) ?? ""
            guard let expected = request.session.data[Self.sessionKey], SecretToken.constantTimeEquals(sent, expected)
            else {
                throw Problem(status: .forbidden, detail: "The form has expired; reload the page and try again")
            }
        }
        return try await next.respond(to: request)
    }
}
