import Foundation
import RegularsCore
import Vapor
import VaporTesting

@testable import RegularsServer

/// Runs `body` against a fully configured application on a fresh database of `backend`.
func withTestApp(
    _ backend: TestBackend, environment: [String: String] = [:],
    _ body: (Application) async throws -> Void
) async throws {
    let test = try await backend.makeDatabase()
    let app = try await Application.make(.testing)
    do {
        var configuration = try AppConfiguration.fromEnvironment(environment)
        configuration.secureCookies = false
        try await RegularsApp.configure(app, configuration: configuration, database: test.database)
        try await body(app)
        try await app.asyncShutdown()
        await test.cleanup()
    } catch {
        try? await app.asyncShutdown()
        await test.cleanup()
        throw error
    }
}

extension Application {
    /// A new admin-scope API key's `Authorization` header.
    func adminHeaders() async throws -> HTTPHeaders {
        let key = try await regulars.apiKeys.create(scope: .admin, name: "test")
        return ["Authorization": "Bearer \(key)"]
    }
}

extension TestingHTTPResponse {
    /// The body decoded as the API's snake_case JSON.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder.api.decode(type, from: Data(buffer: body))
    }

    var problem: Problem? {
        guard headers.contentType == Problem.mediaType else { return nil }
        return try? json(Problem.self)
    }
}

extension Application {
    /// Serves on a free loopback port the system picks (never one another test holds) and returns it.
    func startOnLoopback() async throws -> Int {
        try await server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = http.server.shared.localAddress?.port else {
            throw Abort(.internalServerError, reason: "the server did not report its port")
        }
        return port
    }
}
