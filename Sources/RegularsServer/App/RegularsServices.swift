import Vapor

/// What every feature reaches through `request.regulars`: configuration, the database and the stores built on it.
public struct RegularsServices: Sendable {
    public let configuration: AppConfiguration
    public let database: Database
    public let secretKey: String
    let loyaltyCache = LoyaltySettingsCache()
    let apiKeyCache = APIKeyCache()
    /// Webhook secrets as recently read, shared by every request of this instance.
    let webhookSecretCache = WebhookSecretCache()

    public var apiKeys: APIKeyStore { APIKeyStore(database: database, cache: apiKeyCache) }
    var settings: SettingsStore { SettingsStore(database: database) }
    var customers: CustomerRepository { CustomerRepository(database: database) }
    var orders: OrderRepository { OrderRepository(database: database) }
    var admins: AdminUserStore { AdminUserStore(database: database) }
    var webhookSecrets: WebhookSecrets {
        WebhookSecrets(configuration: configuration, settings: settings, cache: webhookSecretCache)
    }

    /// The loyalty programme as saved, or the (disabled) starter programme (cached for a second).
    func loyaltySettings() async throws -> LoyaltySettings {
        try await loyaltyCache.settings {
            try await database.read { sql in try await LoyaltySettings.load(on: sql, store: configuration.store) }
        }
    }

    func analyticsRefresher(logger: Logger) -> AnalyticsRefresher {
        AnalyticsRefresher(database: database, baseCurrency: configuration.store.baseCurrency, logger: logger)
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = RegularsServices
    }

    public var regulars: RegularsServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                fatalError("configure(_:configuration:) must run before routes use app.regulars")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var regulars: RegularsServices { application.regulars }
}
