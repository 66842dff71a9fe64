import Foundation
import RegularsCore

/// A WooCommerce webhook body mapped to neutral values. The body is the REST API v3 resource
/// (`/wc/v3/orders/{id}`, `/wc/v3/customers/{id}`); signature checks (`X-WC-Webhook-Signature`) are the server's.
public enum WooCommercePayload: Sendable, Equatable {
    /// order.created, order.updated, order.restored: the order and the refunds listed on it.
    case order(IngestOrder, refunds: [IngestRefund])
    /// order.deleted (the body may be the whole order or only `{"id": …}`).
    case orderDeleted(orderExternalID: String)
    /// customer.created, customer.updated.
    case customer(IngestCustomer)
    case customerDeleted(customerExternalID: String)
    /// The ping WooCommerce sends when a webhook is created (form body `webhook_id=<id>`, no signature): answer
    /// 200 so WooCommerce activates the webhook.
    case ping(webhookID: String)

    /// Decodes a delivery. `topic` is the `X-WC-Webhook-Topic` header (absent on the creation ping).
    public static func decode(
        topic: String?, body: some Collection<UInt8>, options: IngestOptions
    ) throws(IngestError) -> WooCommercePayload {
        if let webhookID = pingWebhookID(body) { return .ping(webhookID: webhookID) }
        guard let topic else {
            throw IngestError(.missingField, field: "X-WC-Webhook-Topic", reason: "the topic header is required")
        }
        guard let parsed = WooCommerceTopic(header: topic) else {
            throw IngestError(
                .unsupportedTopic, field: "", reason: "WooCommerce topic '\(topic)' is not handled by this endpoint")
        }
        return try decode(topic: parsed, json: JSONValue.parse(body), options: options)
    }

    public static func decode(
        topic: WooCommerceTopic, json: JSONValue, options: IngestOptions
    ) throws(IngestError) -> WooCommercePayload {
        let root = JSONCursor(json)
        try root.object()
        switch topic {
        case .orderCreated, .orderUpdated, .orderRestored:
            let order = try order(root, options: options)
            return .order(order, refunds: try refunds(root, order: order))
        case .orderDeleted:
            return .orderDeleted(orderExternalID: try root["id"].identifier())
        case .customerCreated, .customerUpdated:
            return .customer(try customer(root, options: options))
        case .customerDeleted:
            return .customerDeleted(customerExternalID: try root["id"].identifier())
        }
    }

    /// The webhook id of a creation ping (`webhook_id=12`, form-encoded, possibly with other fields); `nil` for
    /// any other body.
    public static func pingWebhookID(_ body: some Collection<UInt8>) -> String? {
        guard body.count <= 1024, let text = String(validating: Array(body), as: UTF8.self) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.hasPrefix("{") else { return nil }
        for pair in trimmed.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "webhook_id" else { continue }
            let value = String(parts[1])
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return value
        }
        return nil
    }
}
