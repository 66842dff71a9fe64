import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Customer aggregates.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every customer's aggregates from their orders and refunds.")
        func run() async throws {
            let count = try await RegularsRunner.rebuildStats()
            print("Rebuilt aggregates of \(count) customers.")
        }
    }
}
