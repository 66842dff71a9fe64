import Vapor

/// Lets signed-in merchants through and sends everyone else to the sign-in page.
struct AdminSessionMiddleware: AsyncMiddleware {
    static let sessionKey = "admin_id"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let text = request.session.data[Self.sessionKey], let id = Int64(text),
            let account = try await request.regulars.admins.find(id: id)
        else {
            let target = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            return request.redirect(
                to: "/login?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        request.storage[SignedInAdmin.self] = account
        return try await next.respond(to: request)
    }
}

/// The merchant account behind the current request, set by `AdminSessionMiddleware`.
enum SignedInAdmin: StorageKey {
    typealias Value = AdminUserStore.Account
}
