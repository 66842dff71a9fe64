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
        subcommands: [Serve.self, Demo.self, Migrate.self, Keys.self, Admin.self, Stats.self])

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

struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (overrides REGULARS_HOST).") var hostname: String?
    @Option(help: "Port to listen on (overrides REGULARS_PORT).") var port: Int?
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve the app and API.")
    @OptionGroup var server: ServerOptions

    func run() async throws { try await RegularsRunner.serve(hostname: server.hostname, port: server.port) }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill the database once with a deterministic demo store, print how to sign in, and serve.")
    @OptionGroup var server: ServerOptions
    @Option(help: "Seed of the demo store: the same seed gives the same store.") var seed: UInt64 = 2026

    func run() async throws { try await RegularsRunner.demo(hostname: server.hostname, port: server.port, seed: seed) }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")
    func run() async throws { try await RegularsRunner.migrate() }
}

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

struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage merchant accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a merchant account (or set a new password); the password is read from REGULARS_ADMIN_PASSWORD or stdin."
        )
        @Option(help: "The merchant's email address.") var email: String
        @Option(help: "Preferred language: en, ar or zh.") var locale: SupportedLocale?

        func run() async throws {
            let password =
                ProcessInfo.processInfo.environment["REGULARS_ADMIN_PASSWORD"]
                ?? readLine(strippingNewline: true) ?? ""
            try await RegularsRunner.createAdmin(email: email, password: password, locale: locale)
            FileHandle.standardError.write(Data("Merchant account \(email) is ready.\n".utf8))
        }
    }
}

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

extension APIKeyScope: ExpressibleByArgument {}
extension SupportedLocale: ExpressibleByArgument {}
