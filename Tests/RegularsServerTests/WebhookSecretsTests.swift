import Foundation
import Testing

@testable import RegularsServer

@Suite struct WebhookSecretsTests {
    @Test(arguments: TestBackend.available)
    func anotherInstanceSeesARotationOnceItsCacheExpires(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let configuration = try AppConfiguration.fromEnvironment([:])
            let settings = SettingsStore(database: database)
            let here = WebhookSecrets(
                configuration: configuration, settings: settings, cache: WebhookSecretCache(lifetime: .seconds(60)))
            let there = WebhookSecrets(
                configuration: configuration, settings: settings,
                cache: WebhookSecretCache(lifetime: .milliseconds(300)))
            _ = try await here.rotate(.shopify, to: "first-secret-0123456789")
            #expect(try await there.current(.shopify)?.value == "first-secret-0123456789")

            let second = try await here.rotate(.shopify, to: nil)

            #expect(try await here.current(.shopify)?.value == second, "the rotating instance sees it at once")
            #expect(
                try await there.current(.shopify)?.value == "first-secret-0123456789",
                "another instance may serve its cached value for the cache's lifetime")
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await there.current(.shopify)?.value == second, "and sees the new one once it expires")
        }
    }

    @Test func aReadThatStartedBeforeARotationCannotPutTheOldSecretBack() {
        let cache = WebhookSecretCache(lifetime: .seconds(60))
        let (_, generation) = cache.lookup("k")

        cache.replace("new", for: "k")
        cache.store("old", for: "k", readAt: generation)

        #expect(cache.lookup("k").hit == .some("new"))
    }
}
