import Vapor

/// Serves `Resources/Public` under `/assets/` with Vapor's `FileMiddleware`; every other request goes straight on,
/// without the file-system lookup `FileMiddleware` would make for it.
struct StaticAssetsMiddleware: Middleware {
    static let prefix = "/assets/"
    let files: FileMiddleware

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.url.path.hasPrefix(Self.prefix) else { return next.respond(to: request) }
        return files.respond(to: request, chainingTo: next)
    }
}
