import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct OperationsTests {
    @Test(arguments: TestBackend.available)
    func healthReadinessAndMetricsAnswer(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await app.testing().test(.GET, "/healthz") { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "/readyz") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(backend.rawValue))
            }
            try await app.testing().test(.GET, "/metrics") { response in
                let text = response.body.string
                #expect(response.status == .ok)
                #expect(text.contains("http_requests_total"))
                #expect(text.contains(#"path="/readyz""#))
                #expect(text.contains("http_request_duration_seconds"))
                #expect(text.contains("regulars_db_connections_in_use"))
            }
        }
    }

    @Test func configurationDefaultsAreDocumented() throws {
        let configuration = try AppConfiguration.fromEnvironment([:])

        #expect(configuration.databaseURL == .sqlite(path: "regulars.sqlite"))
        #expect(configuration.hostname == "127.0.0.1" && configuration.port == 8080)
        #expect(configuration.store.baseCurrency.code == "USD" && configuration.store.defaultLocale == .en)
        #expect(configuration.store.timeZone.secondsFromGMT() == 0)
    }

    @Test(arguments: [
        ("REGULARS_DATABASE_URL", "mysql://nope"), ("REGULARS_PORT", "80800"), ("REGULARS_PORT", "http"),
        ("REGULARS_BASE_CURRENCY", "XYZ"), ("REGULARS_TIME_ZONE", "Mars/Olympus"), ("REGULARS_DEFAULT_LOCALE", "fr"),
        ("REGULARS_SECRET_KEY", "short"), ("REGULARS_SECURE_COOKIES", "maybe"), ("REGULARS_PUBLIC_URL", "not a url"),
    ])
    func invalidConfigurationNamesTheVariable(variable: String, value: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration.fromEnvironment([variable: value])
        }

        #expect(error?.variable == variable)
        #expect(error?.description.hasPrefix("\(variable): ") == true)
    }

    @Test func postgresURLsAreAcceptedAndRedacted() throws {
        let url = try #require(DatabaseURL("postgres://shop:s3cret@db.internal:5432/regulars"))

        #expect(url == .postgres(url: "postgres://shop:s3cret@db.internal:5432/regulars"))
        #expect(!url.redacted.contains("s3cret"))
    }

    @Test(arguments: TestBackend.available)
    func theSecretKeyIsGeneratedOnceAndKept(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let settings = SettingsStore(database: database)

            let first = try await settings.valueCreatingIfAbsent("secret_key") { SecretToken.make() }
            let second = try await settings.valueCreatingIfAbsent("secret_key") { SecretToken.make() }

            #expect(first == second && first.count >= 43)
        }
    }

    /// CI sets REGULARS_TEST_REQUIRE_POSTGRES=1: there, PostgreSQL suites being skipped is a failure, not a pass.
    @Test func postgresIsAvailableWhenRequired() async throws {
        let required = ProcessInfo.processInfo.environment["REGULARS_TEST_REQUIRE_POSTGRES"] == "1"
        if TestBackend.postgresURL == nil {
            #expect(!required, "REGULARS_TEST_POSTGRES_URL is not set, so every PostgreSQL case was skipped")
            print(
                "note: PostgreSQL cases skipped (set REGULARS_TEST_POSTGRES_URL, or run scripts/with-postgres.sh swift test)"
            )
            return
        }
        try await withDatabase(.postgres) { database in
            let ready = try await database.read { sql in
                try await sql.raw("SELECT 1 AS one").first(decodingColumn: "one", as: Int.self)
            }
            #expect(ready == 1)
        }
    }
}
