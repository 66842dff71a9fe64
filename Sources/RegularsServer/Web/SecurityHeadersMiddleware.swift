import Vapor

/// Headers every response carries: no framing, no MIME sniffing, no external resources on pages.
struct SecurityHeadersMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
            if response.headers.contentType == .html {
                response.headers.replaceOrAdd(
                    name: "Content-Security-Policy",
                    value:
                        "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
                )
            }
            return response
        }
    }
}
