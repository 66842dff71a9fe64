import SQLKit
import Vapor

/// Liveness, readiness and Prometheus metrics.
struct OperationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("readyz", use: ready)
        routes.get("metrics", use: metrics)
    }

    struct Status: Content {
        var status: String
        var database: String?
    }

    @Sendable func health(_ request: Request) -> Status { Status(status: "ok") }

    @Sendable func ready(_ request: Request) async throws -> Status {
        do {
            _ = try await request.regulars.database.read { sql in try await sql.raw("SELECT 1 AS one").all() }
        } catch {
            request.logger.warning("readiness check failed", metadata: ["error": "\(String(reflecting: error))"])
            throw Problem(status: .serviceUnavailable, detail: "The database is not reachable")
        }
        return Status(status: "ready", database: request.regulars.database.dialect.rawValue)
    }

    @Sendable func metrics(_ request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return Response(status: .ok, headers: headers, body: .init(string: MetricsRegistry.shared.emitToString()))
    }
}
