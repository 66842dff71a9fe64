import Foundation
import RegularsCore

/// A Shopify webhook body mapped to neutral values, by topic. The body is the resource itself (not wrapped).
/// HMAC verification and de-duplication on `X-Shopify-Event-Id` are the server's job, before this runs.
public enum ShopifyPayload: Sendable, Equatable {
    /// orders/create, updated, paid, cancelled, fulfilled, partially_fulfilled.
    case order(IngestOrder)
    /// orders/delete: only the id is sent.
    case orderDeleted(orderExternalID: String)
    /// refunds/create.
    case refund(IngestRefund)
    /// customers/create and customers/update.
    case customer(IngestCustomer)
    /// customers_marketing_consent/update and customers_email_marketing_consent/update: identities and
    /// ``IngestCustomer/consents`` only.
    case consentUpdate(IngestCustomer)
    /// checkouts/create and checkouts/update.
    case checkout(IngestCheckout)
    /// fulfillments/create and fulfillments/update.
    case fulfillment(IngestFulfillment)
    /// customers/redact, customers/data_request, shop/redact.
    case privacyRequest(IngestPrivacyRequest)

    /// Decodes a webhook body for the `X-Shopify-Topic` header value.
    /// - Parameter orderCurrency: the order's currency when the server knows it; used for refunds whose
    ///   payload names no currency.
    public static func decode(
        topic: String, body: some Collection<UInt8>, options: IngestOptions, orderCurrency: CurrencyCode? = nil
    ) throws(IngestError) -> ShopifyPayload {
        guard let parsed = ShopifyTopic(header: topic) else {
            throw IngestError(
                .unsupportedTopic, field: "", reason: "Shopify topic '\(topic)' is not handled by this endpoint")
        }
        return try decode(topic: parsed, json: JSONValue.parse(body), options: options, orderCurrency: orderCurrency)
    }

    /// Maps an already parsed body.
    public static func decode(
        topic: ShopifyTopic, json: JSONValue, options: IngestOptions, orderCurrency: CurrencyCode? = nil
    ) throws(IngestError) -> ShopifyPayload {
        let root = JSONCursor(json)
        guard case .object = json else { throw root.typeError(expected: "an object", json) }
        switch topic {
        case .ordersCreate, .ordersUpdated, .ordersPaid, .ordersCancelled, .ordersFulfilled,
            .ordersPartiallyFulfilled:
            return .order(try order(root, options: options))
        case .ordersDelete:
            return .orderDeleted(orderExternalID: try resourceID(root))
        case .refundsCreate:
            return .refund(try refund(root, options: options, orderCurrency: orderCurrency))
        case .customersCreate, .customersUpdate:
            return .customer(try customer(root, options: options))
        case .customersMarketingConsentUpdate, .customersEmailMarketingConsentUpdate:
            return .consentUpdate(try consentUpdate(root, options: options))
        case .checkoutsCreate, .checkoutsUpdate:
            return .checkout(try checkout(root, options: options))
        case .fulfillmentsCreate, .fulfillmentsUpdate:
            return .fulfillment(try fulfillment(root, options: options))
        case .customersRedact:
            return .privacyRequest(try privacyRequest(root, kind: .redactCustomer))
        case .customersDataRequest:
            return .privacyRequest(try privacyRequest(root, kind: .customerDataRequest))
        case .shopRedact:
            return .privacyRequest(try privacyRequest(root, kind: .redactShop))
        }
    }
}
