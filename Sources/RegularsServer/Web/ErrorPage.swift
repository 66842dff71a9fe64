import Vapor

/// The HTML page a browser gets instead of problem+json when a page fails.
enum ErrorPage {
    struct Content: Encodable { var message: String }

    @Sendable static func render(_ request: Request, _ problem: Problem) async -> Response? {
        let locale = WebLocale.resolve(request)
        let message =
            problem.status == 404 ? Catalogue.shared.text("error_not_found", locale) : (problem.detail ?? problem.title)
        guard
            let view = try? await request.page(
                "error", titleKey: "error_title", section: nil, Content(message: message)),
            let response = try? await view.encodeResponse(for: request)
        else { return nil }
        response.status = HTTPResponseStatus(statusCode: problem.status)
        return response
    }
}
