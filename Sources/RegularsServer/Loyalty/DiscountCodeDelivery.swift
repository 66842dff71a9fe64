import Foundation
import RegularsCore
import SQLKit
import Vapor

/// Sends an issued discount code to the store: a Standard Webhooks POST (`loyalty.code.issued`, signed with the
/// programme's `whsec_` secret) to the merchant's endpoint, and/or the code created in Shopify through the Admin
/// GraphQL API. Any failure throws, and the redemption gives the points back.
struct DiscountCodeDelivery: Sendable {
    let client: any Client
    let database: Database
    let settings: LoyaltySettings
    let currency: CurrencyCode

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `nil` when the programme sends codes nowhere (they are then issued at once, for the merchant to hand out).
    init?(client: any Client, database: Database, settings: LoyaltySettings, currency: CurrencyCode) {
        guard settings.codeWebhookURL != nil || settings.shopifyAccessToken != nil else { return nil }
        self.client = client
        self.database = database
        self.settings = settings
        self.currency = currency
    }

    func deliver(_ redemption: LoyaltyRedemption.Row) async throws {
        let reward = try await database.read { sql in
            try await LoyaltyRewardStore.find(redemption.rewardId, currency: currency, on: sql)
        }
        guard let reward else { throw Failure(description: "reward \(redemption.rewardId) no longer exists") }
        if let url = settings.codeWebhookURL {
            try await sendWebhook(redemption, reward: reward, to: url)
        }
        if let shop = settings.shopifyShopDomain, let token = settings.shopifyAccessToken {
            try await ShopifyDiscountCodes(client: client, shop: shop, accessToken: token)
                .create(code: redemption.code, reward: reward)
        }
    }

    struct WebhookBody: Encodable {
        var type: String
        var timestamp: String
        var data: Payload

        struct Payload: Encodable {
            var redemptionId: Int64
            var customerId: Int64
            var code: String
            var points: Int64
            var reward: LoyaltyReward
        }
    }

    private func sendWebhook(_ redemption: LoyaltyRedemption.Row, reward: LoyaltyReward, to url: String) async throws {
        let messageID = "msg_redemption_\(redemption.id)"
        let now = Instant.now
        let body = try JSONEncoder.api.encode(
            WebhookBody(
                type: "loyalty.code.issued", timestamp: now.iso8601,
                data: .init(
                    redemptionId: redemption.id, customerId: redemption.customerId, code: redemption.code,
                    points: redemption.points, reward: reward)))
        let timestamp = now.milliseconds / 1000
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "webhook-id", value: messageID)
        headers.add(name: "webhook-timestamp", value: "\(timestamp)")
        headers.add(
            name: "webhook-signature",
            value: StandardWebhookSignature.sign(
                id: messageID, timestamp: timestamp, body: body, secret: settings.codeWebhookSecret))
        var failure: String?
        do {
            let response = try await client.post(URI(string: url), headers: headers) { request in
                request.body = ByteBuffer(data: body)
                request.timeout = .seconds(10)
            }
            if !(200..<300).contains(response.status.code) { failure = "the endpoint answered \(response.status.code)" }
        } catch {
            failure = "the endpoint could not be reached (\(error))"
        }
        let payload = String(decoding: body, as: UTF8.self)
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO outbound_webhooks (message_id, event_type, payload, status, attempts, last_error, created_at,
                    delivered_at)
                VALUES (\(bind: messageID), 'loyalty.code.issued', \(bind: payload), \(bind: failure == nil ? "delivered" : "failed"),
                    1, \(bind: failure), \(bind: now.milliseconds), \(bind: failure == nil ? Instant.now.milliseconds : nil))
                ON CONFLICT (message_id) DO UPDATE SET status = excluded.status, attempts = outbound_webhooks.attempts + 1,
                    last_error = excluded.last_error, delivered_at = excluded.delivered_at
                """
            ).run()
        }
        if let failure { throw Failure(description: failure) }
    }
}
