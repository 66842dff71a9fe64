import Vapor

/// Turns every error into `application/problem+json` (or the HTML error page for a browser on a page route), so no
/// client ever sees Vapor's default error body, and unexpected errors are logged once and answered 500 without detail.
struct ProblemMiddleware: Middleware {
    let renderPage: @Sendable (Request, Problem) async -> Response?

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in
            var problem = Self.problem(for: error, request: request)
            problem.instance = request.url.path
            guard Self.wantsHTML(request) else {
                return request.eventLoop.makeSucceededFuture(Self.response(for: problem))
            }
            return request.eventLoop.makeFutureWithTask { [problem] in
                await renderPage(request, problem) ?? Self.response(for: problem)
            }
        }
    }

    static func response(for problem: Problem) -> Response {
        let body = (try? JSONEncoder.api.encode(problem)) ?? Data()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: Problem.mediaType.serialize())
        if problem.status == 401 { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        return Response(
            status: HTTPResponseStatus(statusCode: problem.status), headers: headers, body: .init(data: body))
    }

    static func problem(for error: any Error, request: Request) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let decoding as DecodingError:
            return decodingProblem(decoding)
        case let abort as any AbortError where abort.status.code < 500:
            if abort.status == .notFound {
                return Problem(status: .notFound, detail: "No resource at \(request.url.path)")
            }
            if abort.status == .payloadTooLarge {
                return Problem(status: .payloadTooLarge, detail: "The request body is larger than this route accepts")
            }
            return Problem(status: abort.status, detail: abort.reason == abort.status.reasonPhrase ? nil : abort.reason)
        default:
            request.logger.report(error: error)
            return Problem(status: .internalServerError, detail: "An unexpected error occurred; it has been logged")
        }
    }

    static func decodingProblem(_ error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context, _ extra: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (extra.map { [$0] } ?? [])
            let name = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return name.hasPrefix(".") ? String(name.dropFirst()) : (name.isEmpty ? "body" : name)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidField(path(context, key), "is required")
        case .typeMismatch(let type, let context):
            return .invalidField(path(context), "must be of type \(type)")
        case .valueNotFound(let type, let context):
            return .invalidField(path(context), "must be a \(type), not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return Problem(status: .badRequest, title: "Malformed body", detail: "The body is not valid JSON")
            }
            return .invalidField(path(context), context.debugDescription)
        @unknown default:
            return Problem(status: .badRequest, detail: "The body could not be decoded")
        }
    }

    private static func wantsHTML(_ request: Request) -> Bool {
        let path = request.url.path
        guard !path.hasPrefix("/api/"), !path.hasPrefix("/v1/"), !path.hasPrefix("/webhooks/") else { return false }
        return request.headers[.accept].contains { $0.contains("text/html") }
    }
}
