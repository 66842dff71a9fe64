import Vapor

/// Logs each request once it is answered: method, route path, status and duration, as JSON fields.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        request.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.url.path)",
                "status": "\(response.status.code)", "duration_ms": "\((milliseconds * 100).rounded() / 100)",
            ])
        return response
    }
}
