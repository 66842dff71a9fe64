import Foundation
import RegularsCore
import RegularsIngest
import SQLKit
import Vapor

/// `POST /webhooks/woocommerce`: answers the creation ping (form body `webhook_id=…`, unsigned) with 200; verifies
/// `X-WC-Webhook-Signature` (base64 HMAC-SHA256 of the body) on everything else; processes each
/// `X-WC-Webhook-Delivery-ID` once, and an order only when its modification time is newer than what is stored.
struct WooCommerceWebhookController: RouteCollection {
    static let source = "woocommerce"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "webhooks", "woocommerce", body: .collect(maxSize: "5mb"), use: receive)
    }

    @Sendable func receive(_ request: Request) async throws -> WebhookReceipt {
        let body = request.body.data.map { Data($0.readableBytesView) } ?? Data()
        let topic = request.headers.first(name: "X-WC-Webhook-Topic")
        let options = IngestOptions(now: Date())
        if case .ping = try? WooCommercePayload.decode(topic: nil, body: body, options: options) {
            return .init(status: "ping", topic: "ping")
        }
        let signature = request.headers.first(name: "X-WC-Webhook-Signature")
        guard let secret = try await request.regulars.webhookSecrets.current(.woocommerce)?.value else {
            let detail = "No WooCommerce webhook secret is configured"
            await ShopifyWebhookController.refuse(
                request, source: Self.source, topic: topic ?? "", field: nil, reason: detail)
            throw Problem(status: .unauthorized, detail: detail)
        }
        guard let signature, WebhookSignature.isValid(signature, body: body, secret: secret) else {
            let detail = "X-WC-Webhook-Signature \(signature == nil ? "is missing" : "does not match the body")"
            await ShopifyWebhookController.refuse(
                request, source: Self.source, topic: topic ?? "", field: "X-WC-Webhook-Signature",
                reason: detail)
            throw Problem(status: .unauthorized, detail: detail)
        }
        let deliveryID = request.headers.first(name: "X-WC-Webhook-Delivery-ID")
        let payload: WooCommercePayload
        do {
            payload = try WooCommercePayload.decode(topic: topic, body: body, options: options)
        } catch {
            if error.kind == .unsupportedTopic { return .init(status: "ignored", topic: topic ?? "") }
            try await ShopifyWebhookController.reject(
                error, source: Self.source, topic: topic ?? "", deliveryID: deliveryID,
                database: request.regulars.database)
            throw Problem(error, title: "Invalid WooCommerce payload")
        }
        let baseCurrency = request.regulars.configuration.store.baseCurrency
        return try await request.regulars.database.write { sql in
            if let deliveryID,
                try await !WebhookDeliveries.claim(
                    source: Self.source, deliveryID: deliveryID, topic: topic ?? "", on: sql)
            {
                return .init(status: "duplicate", topic: topic ?? "")
            }
            let writer = IngestWriter(sql: sql, baseCurrency: baseCurrency)
            switch payload {
            case .order(let order, let refunds):
                _ = try await writer.apply(order)
                for refund in refunds { _ = try await writer.apply(refund) }
            case .orderDeleted(let id):
                try await writer.cancelOrder(source: Self.source, externalID: id)
            case .customer(let customer):
                _ = try await writer.customerID(for: customer, email: customer.email)
            case .customerDeleted(let id):
                try await writer.redact(identity: CustomerIdentity(source: .woocommerce, externalID: id), email: nil)
            case .ping:
                break
            }
            return .init(status: "processed", topic: topic ?? "")
        }
    }
}
