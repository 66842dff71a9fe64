/// The mandatory privacy (GDPR) webhooks of Shopify apps.
public enum IngestPrivacyRequestKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// `customers/redact`: erase the customer's personal data (and these orders' personal data).
    case redactCustomer = "customers/redact"
    /// `customers/data_request`: the customer asked the merchant for the data we hold about them.
    case customerDataRequest = "customers/data_request"
    /// `shop/redact`: 48 hours after uninstall, erase everything of the shop.
    case redactShop = "shop/redact"
}
