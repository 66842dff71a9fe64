import Vapor

/// The current webhook secret of each source: the environment variable when set, else the one stored in `settings`
/// (set or generated from the Integrations API or page), read per request through a short cache.
struct WebhookSecrets: Sendable {
    let configuration: AppConfiguration
    let settings: SettingsStore
    let cache: WebhookSecretCache

    func environmentValue(_ source: IntegrationSource) -> String? {
        switch source {
        case .shopify: configuration.shopifyWebhookSecret
        case .woocommerce: configuration.wooCommerceWebhookSecret
        case .segment: nil
        }
    }

    func current(_ source: IntegrationSource) async throws -> WebhookSecret? {
        if let value = environmentValue(source) { return WebhookSecret(value: value, fromEnvironment: true) }
        guard let key = source.secretSettingsKey else { return nil }
        let (hit, generation) = cache.lookup(key)
        if let hit { return hit.map { WebhookSecret(value: $0, fromEnvironment: false) } }
        let stored = try await settings.value(key)
        cache.store(stored, for: key, readAt: generation)
        return stored.map { WebhookSecret(value: $0, fromEnvironment: false) }
    }

    /// Stores a new secret (the one given, else a generated one) and returns it. Refused with 409 when the
    /// environment fixes the secret, and with 400 naming `secret` when the given one is unusable.
    func rotate(_ source: IntegrationSource, to given: String?) async throws -> String {
        guard let key = source.secretSettingsKey, let variable = source.secretVariable else {
            throw Problem.notFound("A webhook secret for \(source.rawValue)")
        }
        guard environmentValue(source) == nil else {
            throw Problem(
                status: .conflict, title: "Set by the environment",
                detail: "secret: \(variable) sets this secret; change it there and restart",
                invalidParams: [.init(name: "secret", reason: "is set by the environment variable \(variable)")])
        }
        let secret = given?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let value = secret.isEmpty ? SecretToken.make(byteCount: 32) : secret
        guard (16...512).contains(value.count), !value.contains(where: \.isWhitespace) else {
            throw Problem.invalidField("secret", "must be 16 to 512 characters without spaces")
        }
        try await settings.set(key, to: value)
        cache.replace(value, for: key)
        return value
    }
}
