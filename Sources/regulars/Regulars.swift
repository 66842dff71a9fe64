import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

@main
struct Regulars: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regulars",
        abstract: "Regulars: turn one-time buyers into regulars.",
        discussion: "Configuration comes from REGULARS_* environment variables; see the README.",
        subcommands: [
            Serve.self, Demo.self, Migrate.self, Keys.self, Admin.self, Stats.self, Import.self, Analyze.self, Clv.self,
            Bench.self,
        ])

    static func main() async {
        do {
            try RegularsLogging.bootstrap()
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("regulars: \(error)\n".utf8))
            Foundation.exit(78)
        } catch {
            exit(withError: error)
        }
    }
}
