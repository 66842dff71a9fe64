import Foundation
import RegularsCore
import RegularsDemo
import Vapor

/// What the `regulars` command line does, one entry per command; the executable only parses arguments.
public enum RegularsRunner {
    /// `regulars serve`: migrate, then serve until SIGINT/SIGTERM, finishing in-flight requests before exit.
    public static func serve(hostname: String?, port: Int?) async throws {
        try await withApplication(hostname: hostname, port: port) { app in
            try await run(app)
        }
    }

    /// `regulars demo`: fill the database once with the demo store, print where to sign in, then serve.
    public static func demo(hostname: String?, port: Int?, seed: UInt64) async throws {
        let started = ContinuousClock.now
        let store = DemoStoreGenerator(seed: seed).generate()
        let named = { (configuration: inout AppConfiguration) in
            if ProcessInfo.processInfo.environment["REGULARS_STORE_NAME"] == nil {
                configuration.store.name = store.name
            }
        }
        try await withApplication(hostname: hostname, port: port, adjust: named) { app in
            let services = app.regulars
            let seeder = DemoSeeder(
                database: services.database, baseCurrency: services.configuration.store.baseCurrency)
            if let counts = try await seeder.seedIfEmpty(store) {
                let earning = try await DemoLoyalty(database: services.database, store: services.configuration.store)
                    .seed(end: DemoStoreGenerator.defaultEnd)
                app.logger.notice(
                    "demo store created",
                    metadata: [
                        "customers": "\(counts.customers)", "orders": "\(counts.orders)",
                        "refunds": "\(counts.refunds)", "orders earning points": "\(earning)",
                        "seconds": "\(ContinuousClock.now - started)",
                    ])
            }
            let password = SecretToken.make(byteCount: 12)
            try await services.admins.upsert(email: DemoAccount.email, password: password, locale: nil)
            let key = try await services.apiKeys.rotate(name: DemoAccount.keyName, scope: .admin)
            FileHandle.standardOutput.write(
                Data(
                    """
                    Regulars demo store "\(store.name)" is at \(services.configuration.baseURL)/
                      sign in:       \(DemoAccount.email) / \(password)
                      admin API key: \(key)
                      try:           curl -H 'Authorization: Bearer \(key)' \(services.configuration.baseURL)/api/customers

                    """.utf8))
            try await run(app)
        }
    }

    /// `regulars migrate`: apply pending migrations and exit.
    public static func migrate() async throws {
        try await withApplication(hostname: nil, port: nil) { _ in }
    }

    /// `regulars keys create`: returns the new key (printed once by the caller).
    public static func createKey(scope: APIKeyScope, name: String) async throws -> String {
        try await withApplication(hostname: nil, port: nil) { app in
            try await app.regulars.apiKeys.create(scope: scope, name: name)
        }
    }

    public static func listKeys() async throws -> [APIKeyStore.Listed] {
        try await withApplication(hostname: nil, port: nil) { app in try await app.regulars.apiKeys.list() }
    }

    public static func revokeKey(prefix: String) async throws -> Bool {
        try await withApplication(hostname: nil, port: nil) { app in
            try await app.regulars.apiKeys.revoke(prefix: prefix)
        }
    }

    /// `regulars admin create`: a merchant account for the web UI (or a new password for an existing one).
    public static func createAdmin(email: String, password: String, locale: SupportedLocale?) async throws {
        guard EmailAddress(email) != nil else {
            throw ConfigurationError(variable: "--email", problem: "is not an email address")
        }
        try await withApplication(hostname: nil, port: nil) { app in
            try await app.regulars.admins.upsert(email: email, password: password, locale: locale?.rawValue)
        }
    }

    /// `regulars stats rebuild`: recompute every customer's aggregates from their orders and refunds.
    public static func rebuildStats() async throws -> Int {
        try await withApplication(hostname: nil, port: nil) { app in
            try await app.regulars.database.write { sql in try await CustomerAggregates.rebuildAll(on: sql) }
        }
    }

    static func withApplication<T: Sendable>(
        hostname: String?, port: Int?, adjust: (inout AppConfiguration) -> Void = { _ in },
        _ body: (Application) async throws -> T
    ) async throws -> T {
        let app = try await Application.make(Environment(name: "production", arguments: ["regulars"]))
        do {
            var configuration = try AppConfiguration.fromEnvironment()
            if let hostname { configuration.hostname = hostname }
            if let port { configuration.port = port }
            adjust(&configuration)
            let database = try Database.open(configuration.databaseURL, logger: app.logger)
            try await RegularsApp.configure(app, configuration: configuration, database: database)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private static func run(_ app: Application) async throws {
        app.lifecycle.use(NightlyAnalytics())
        app.lifecycle.use(LoyaltyClock())
        app.environment.arguments = ["regulars", "serve"]
        try await app.execute()
    }
}

/// The demo store's merchant account and API key name.
enum DemoAccount {
    static let email = "demo@regulars.local"
    static let keyName = "demo"
}
