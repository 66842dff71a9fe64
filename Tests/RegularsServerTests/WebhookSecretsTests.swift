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
            let slow = WebhookSecrets(
                configuration: configuration, settings: settings, cache: WebhookSecretCache(lifetime: .seconds(60)))
            let quick = WebhookSecrets(
                configuration: configuration, settings: settings,
                cache: WebhookSecretCache(lifetime: .milliseconds(200)))
            _ = try await here.rotate(.shopify, to: "first-secret-0123456789")
            #expect(try await slow.current(.shopify)?.value == "first-secret-0123456789")
            #expect(try await quick.current(.shopify)?.value == "first-secret-0123456789")

            let second = try await here.rotate(.shopify, to: nil)
            try await Task.sleep(for: .milliseconds(300))

            #expect(try await here.current(.shopify)?.value == second, "the rotating instance sees it at once")
            #expect(try await quick.current(.shopify)?.value == second, "another sees it once its cache expires")
            #expect(
                try await slow.current(.shopify)?.value == "first-secret-0123456789",
                "and not before: the cache is what bounds the delay")
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
