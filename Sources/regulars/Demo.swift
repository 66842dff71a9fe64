import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill the database once with a deterministic demo store, print how to sign in, and serve.")
    @OptionGroup var server: ServerOptions
    @Option(help: "Seed of the demo store: the same seed gives the same store.") var seed: UInt64 = 2026

    func run() async throws { try await RegularsRunner.demo(hostname: server.hostname, port: server.port, seed: seed) }
}
