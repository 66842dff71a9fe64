import Foundation
import Vapor

/// Serves the OpenAPI 3.1 description of the API, `Resources/openapi.json`; a test keeps it in step with the routes.
struct OpenAPIController: RouteCollection {
    static let document: Data =
        (try? Data(contentsOf: ResourceDirectory.url.appendingPathComponent("openapi.json"))) ?? Data()

    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json") { _ in
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: Self.document))
        }
    }
}
