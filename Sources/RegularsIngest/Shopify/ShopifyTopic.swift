import Foundation

/// The Shopify webhook topics this module maps (the `X-Shopify-Topic` header).
public enum ShopifyTopic: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case ordersCreate = "orders/create"
    case ordersUpdated = "orders/updated"
    case ordersPaid = "orders/paid"
    case ordersCancelled = "orders/cancelled"
    case ordersFulfilled = "orders/fulfilled"
    case ordersPartiallyFulfilled = "orders/partially_fulfilled"
    case ordersDelete = "orders/delete"
    case refundsCreate = "refunds/create"
    case customersCreate = "customers/create"
    case customersUpdate = "customers/update"
    /// SMS consent changes; Shopify's header value is `customers_marketing_consent/update`.
    case customersMarketingConsentUpdate = "customers_marketing_consent/update"
    /// Email consent changes; Shopify's header value is `customers_email_marketing_consent/update`.
    case customersEmailMarketingConsentUpdate = "customers_email_marketing_consent/update"
    case checkoutsCreate = "checkouts/create"
    case checkoutsUpdate = "checkouts/update"
    case fulfillmentsCreate = "fulfillments/create"
    case fulfillmentsUpdate = "fulfillments/update"
    case customersRedact = "customers/redact"
    case customersDataRequest = "customers/data_request"
    case shopRedact = "shop/redact"

    /// Accepts the header value (`orders/create`), the GraphQL enum name (`ORDERS_CREATE`) and the
    /// `customers/marketing_consent_update` spelling of the consent topics; `nil` for topics not mapped here.
    public init?(header: String) {
        let trimmed = header.trimmingCharacters(in: .whitespaces).lowercased()
        if let topic = ShopifyTopic(rawValue: trimmed) {
            self = topic
            return
        }
        let aliases: [String: ShopifyTopic] = [
            "customers/marketing_consent_update": .customersMarketingConsentUpdate,
            "customers/email_marketing_consent_update": .customersEmailMarketingConsentUpdate,
        ]
        if let topic = aliases[trimmed] {
            self = topic
            return
        }
        guard let topic = ShopifyTopic.allCases.first(where: { $0.graphQLName.lowercased() == trimmed }) else {
            return nil
        }
        self = topic
    }

    /// The `WebhookSubscriptionTopic` enum value of Shopify's GraphQL Admin API (`ORDERS_CREATE`).
    public var graphQLName: String {
        rawValue.replacingOccurrences(of: "/", with: "_").uppercased()
    }
}
