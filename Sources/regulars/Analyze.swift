import ArgumentParser
import Foundation
import RegularsServer

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refresh retention analytics: fit the models and score every customer (one refresh at a time).")

    func run() async throws { print(try await RegularsRunner.analyze()) }
}
