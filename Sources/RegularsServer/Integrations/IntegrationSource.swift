/// A system that sends Regulars data, as the Integrations page and API list it.
enum IntegrationSource: String, CaseIterable, Sendable {
    case shopify
    case woocommerce
    /// Segment or RudderStack tracking calls, authenticated by ingest-scope write keys.
    case segment

    /// The environment variable that fixes the webhook secret (and then wins over the stored one).
    var secretVariable: String? {
        switch self {
        case .shopify: "REGULARS_SHOPIFY_WEBHOOK_SECRET"
        case .woocommerce: "REGULARS_WOOCOMMERCE_WEBHOOK_SECRET"
        case .segment: nil
        }
    }

    /// Where a secret set at runtime is kept in `settings`.
    var secretSettingsKey: String? {
        secretVariable == nil ? nil : "integrations.\(rawValue).webhook_secret"
    }

    /// The paths the source sends to.
    var endpointPaths: [String] {
        switch self {
        case .shopify: ["/webhooks/shopify"]
        case .woocommerce: ["/webhooks/woocommerce"]
        case .segment: ["/v1/batch", "/v1/track", "/v1/identify", "/v1/page"]
        }
    }
}
