import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")
    func run() async throws { try await RegularsRunner.migrate() }
}
