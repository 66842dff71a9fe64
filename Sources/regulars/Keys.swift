import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API keys.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print it, alone, on stdout.")
        @Option(help: "admin (read and manage) or ingest (write events).") var scope: APIKeyScope
        @Option(help: "A label to recognise the key by.") var name: String = "cli"

        func run() async throws { print(try await RegularsRunner.createKey(scope: scope, name: name)) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys by prefix (keys are never shown again).")
        func run() async throws {
            for key in try await RegularsRunner.listKeys() {
                let state = key.revokedAt == nil ? "active" : "revoked"
                print("\(key.prefix)…\t\(key.scope)\t\(key.name)\t\(state)\t\(key.createdAt.iso8601)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the key with this prefix.")
        @Argument(help: "The prefix shown by `keys list`.") var prefix: String
        func run() async throws {
            guard try await RegularsRunner.revokeKey(prefix: prefix) else {
                throw ValidationError("No active key has the prefix \(prefix)")
            }
        }
    }
}
