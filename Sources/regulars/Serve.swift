import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve the app and API.")
    @OptionGroup var server: ServerOptions

    func run() async throws { try await RegularsRunner.serve(hostname: server.hostname, port: server.port) }
}
