import Vapor

/// Logs each request once it is answered: method, route path, status and duration, as JSON fields.
///
/// The request-path middlewares are `Middleware`, not `AsyncMiddleware`: Vapor runs each async middleware in a task
/// of its own, so every one of them cost a request two thread hops.
struct RequestLogMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let start = ContinuousClock.now
        return next.respond(to: request).map { response in
            let elapsed = ContinuousClock.now - start
            request.logger.info(
                "request",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.url.path)",
                    "status": "\(response.status.code)",
                    "duration_ms": "\((elapsed.seconds * 100_000).rounded() / 100)",
                ])
            return response
        }
    }
}
