import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct OpenAPITests {
    @Test func theDocumentDescribesExactlyTheAPIRoutes() async throws {
        try await withTestApp(.sqlite) { app in
            var documented: Set<String> = []
            try await app.testing().test(.GET, "/openapi.json") { response in
                let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(document?["openapi"] as? String == "3.1.0")
                let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
                for (path, operations) in paths {
                    for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
                }
            }

            let pageRoutes = [
                "login", "logout", "customers", "dashboard", "integrations", "rewards", "r", "loyalty", "",
            ]
            let served = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    let first = route.path.first?.description ?? ""
                    guard !pageRoutes.contains(first) else { return nil }
                    return "\(route.method.rawValue) \(path)"
                })

            #expect(served == documented)
        }
    }
}
