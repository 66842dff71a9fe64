import Foundation
import RegularsCore
import RegularsIngest
import SQLKit
import Vapor

/// `POST /webhooks/shopify`: verifies `X-Shopify-Hmac-Sha256` over the raw body in constant time before reading it,
/// processes each delivery once (keyed on `X-Shopify-Event-Id`, else `X-Shopify-Webhook-Id`) in one transaction
/// with the writes it causes, and answers unknown topics 200 so Shopify keeps the subscription.
struct ShopifyWebhookController: RouteCollection {
    static let source = "shopify"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "webhooks", "shopify", body: .collect(maxSize: "5mb"), use: receive)
    }

    @Sendable func receive(_ request: Request) async throws -> WebhookReceipt {
        let body = request.body.data.map { Data($0.readableBytesView) } ?? Data()
        let signature = request.headers.first(name: "X-Shopify-Hmac-Sha256")
        guard let secret = try await request.regulars.webhookSecrets.current(.shopify)?.value else {
            let detail = "No Shopify webhook secret is configured"
            await Self.refuse(
                request, source: Self.source, topic: request.headers.first(name: "X-Shopify-Topic") ?? "", field: nil,
                reason: detail)
            throw Problem(status: .unauthorized, detail: detail)
        }
        guard let signature, WebhookSignature.isValid(signature, body: body, secret: secret) else {
            let detail = "X-Shopify-Hmac-Sha256 \(signature == nil ? "is missing" : "does not match the body")"
            await Self.refuse(
                request, source: Self.source, topic: request.headers.first(name: "X-Shopify-Topic") ?? "",
                field: "X-Shopify-Hmac-Sha256",
                reason: detail)
            throw Problem(status: .unauthorized, detail: detail)
        }
        guard let topic = request.headers.first(name: "X-Shopify-Topic") else {
            throw Problem.invalidField("X-Shopify-Topic", "is required")
        }
        guard ShopifyTopic(header: topic) != nil else { return WebhookReceipt(status: "ignored", topic: topic) }
        let deliveryID =
            request.headers.first(name: "X-Shopify-Event-Id") ?? request.headers.first(name: "X-Shopify-Webhook-Id")
        let services = request.regulars
        let payload: ShopifyPayload
        do {
            payload = try ShopifyPayload.decode(topic: topic, body: body, options: IngestOptions(now: Date()))
        } catch {
            try await Self.reject(
                error, source: Self.source, topic: topic, deliveryID: deliveryID, database: services.database)
            throw Problem(error, title: "Invalid Shopify payload")
        }
        let baseCurrency = services.configuration.store.baseCurrency
        return try await services.database.write { sql in
            if let deliveryID,
                try await !WebhookDeliveries.claim(source: Self.source, deliveryID: deliveryID, topic: topic, on: sql)
            {
                return WebhookReceipt(status: "duplicate", topic: topic)
            }
            let writer = IngestWriter(sql: sql, baseCurrency: baseCurrency)
            switch payload {
            case .order(let order): _ = try await writer.apply(order)
            case .orderDeleted(let id): try await writer.cancelOrder(source: Self.source, externalID: id)
            case .refund(let refund): _ = try await writer.apply(refund)
            case .customer(let customer), .consentUpdate(let customer):
                _ = try await writer.customerID(for: customer, email: customer.email)
            case .checkout(let checkout): try await writer.apply(checkout)
            case .fulfillment(let fulfillment):
                let customerID =
                    try await sql.raw(
                        "SELECT customer_id FROM orders WHERE source = 'shopify' AND external_id = \(bind: fulfillment.orderExternalID)"
                    ).first(decodingColumn: "customer_id", as: Int64?.self) ?? nil
                try await writer.record(
                    event: "Fulfillment Updated",
                    messageID: "shopify-fulfillment-\(fulfillment.externalID)-\(fulfillment.status)",
                    customerID: customerID,
                    properties: [
                        "order_id": fulfillment.orderExternalID, "status": fulfillment.status,
                        "tracking_number": fulfillment.trackingNumbers.joined(separator: ", "),
                        "carrier": fulfillment.carrier ?? "",
                    ], at: Date())
            case .privacyRequest(let privacy):
                if privacy.kind == .redactCustomer {
                    try await writer.redact(
                        identity: privacy.customerExternalID.map { CustomerIdentity(source: .shopify, externalID: $0) },
                        email: privacy.email)
                }
                request.logger.notice("shopify privacy request", metadata: ["kind": "\(privacy.kind.rawValue)"])
            }
            return WebhookReceipt(status: "processed", topic: topic)
        }
    }

    /// Counts an unauthenticated delivery (`RejectedSignatures`); a failure to count it never changes the answer.
    static func refuse(_ request: Request, source: String, topic: String, field: String?, reason: String) async {
        do {
            try await RejectedSignatures.record(
                source: source, topic: String(topic.prefix(100)), field: field, reason: reason,
                timeZone: request.regulars.configuration.store.timeZone, database: request.regulars.database)
        } catch {
            request.logger.warning("could not count a refused delivery", metadata: ["error": "\(error)"])
        }
    }

    /// Records a refused delivery of `source` in `ingest_rejections` (shown on the Integrations page).
    static func reject(_ error: IngestError, source: String, topic: String, deliveryID: String?, database: Database)
        async throws
    {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO ingest_rejections (source, topic, delivery_id, status, field, reason, received_at)
                VALUES (\(bind: source), \(bind: topic), \(bind: deliveryID), \(bind: error.httpStatus),
                    \(bind: error.field), \(bind: error.reason), \(bind: Instant.now.milliseconds))
                """
            ).run()
        }
    }
}
