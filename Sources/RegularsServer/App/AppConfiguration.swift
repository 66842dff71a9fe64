import Foundation
import Logging
import RegularsCore

/// Everything Regulars reads from its environment (12-factor). Each variable, its default and meaning is listed in the
/// README; an unusable value fails start-up with one line naming the variable.
public struct AppConfiguration: Sendable {
    public var databaseURL: DatabaseURL
    public var hostname: String
    public var port: Int
    /// Signing secret from `REGULARS_SECRET_KEY`; when absent one is generated and kept in the database.
    public var secretKey: String?
    public var store: StoreSettings
    /// The URL shoppers and merchants reach this instance at; defaults to `http://hostname:port`.
    public var publicURL: String?
    public var secureCookies: Bool
    /// The Shopify app's webhook signing secret (`REGULARS_SHOPIFY_WEBHOOK_SECRET`); deliveries are refused without it.
    public var shopifyWebhookSecret: String?
    /// The WooCommerce webhooks' secret (`REGULARS_WOOCOMMERCE_WEBHOOK_SECRET`); deliveries are refused without it.
    public var wooCommerceWebhookSecret: String?

    public var baseURL: String { publicURL ?? "http://\(hostname == "0.0.0.0" ? "127.0.0.1" : hostname):\(port)" }

    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> AppConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let databaseText = value("REGULARS_DATABASE_URL") ?? DatabaseURL.defaultValue
        guard let databaseURL = DatabaseURL(databaseText) else {
            throw ConfigurationError(
                variable: "REGULARS_DATABASE_URL",
                problem: "must be sqlite:PATH or postgres://user:password@host:port/database")
        }
        let port = try parsePort(value("REGULARS_PORT"))
        let currencyText = value("REGULARS_BASE_CURRENCY") ?? "USD"
        guard let currency = CurrencyCode(currencyText) else {
            throw ConfigurationError(
                variable: "REGULARS_BASE_CURRENCY", problem: "'\(currencyText)' is not an ISO 4217 currency code")
        }
        let zoneText = value("REGULARS_TIME_ZONE") ?? "UTC"
        guard let timeZone = StoreTimeZone.named(zoneText) else {
            throw ConfigurationError(
                variable: "REGULARS_TIME_ZONE", problem: "'\(zoneText)' is not an IANA time zone such as Europe/London")
        }
        let localeText = value("REGULARS_DEFAULT_LOCALE") ?? "en"
        guard let locale = SupportedLocale(rawValue: localeText) else {
            throw ConfigurationError(variable: "REGULARS_DEFAULT_LOCALE", problem: "must be one of en, ar, zh")
        }
        if let secret = value("REGULARS_SECRET_KEY"), secret.utf8.count < 32 {
            throw ConfigurationError(variable: "REGULARS_SECRET_KEY", problem: "must be at least 32 characters")
        }
        let secureText = value("REGULARS_SECURE_COOKIES") ?? "true"
        guard let secure = Bool(secureText.lowercased()) else {
            throw ConfigurationError(variable: "REGULARS_SECURE_COOKIES", problem: "must be true or false")
        }
        if let url = value("REGULARS_PUBLIC_URL"), URL(string: url)?.host == nil {
            throw ConfigurationError(variable: "REGULARS_PUBLIC_URL", problem: "must be an absolute URL")
        }
        return AppConfiguration(
            databaseURL: databaseURL, hostname: value("REGULARS_HOST") ?? "127.0.0.1", port: port,
            secretKey: value("REGULARS_SECRET_KEY"),
            store: StoreSettings(
                name: value("REGULARS_STORE_NAME") ?? "My Store", baseCurrency: currency, timeZone: timeZone,
                defaultLocale: locale),
            publicURL: value("REGULARS_PUBLIC_URL"), secureCookies: secure,
            shopifyWebhookSecret: value("REGULARS_SHOPIFY_WEBHOOK_SECRET"),
            wooCommerceWebhookSecret: value("REGULARS_WOOCOMMERCE_WEBHOOK_SECRET"))
    }

    private static func parsePort(_ text: String?) throws(ConfigurationError) -> Int {
        guard let text else { return 8080 }
        guard let port = Int(text), (1...65535).contains(port) else {
            throw ConfigurationError(variable: "REGULARS_PORT", problem: "must be a number from 1 to 65535")
        }
        return port
    }
}
