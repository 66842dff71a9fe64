import SQLKit

/// The deliveries a webhook endpoint has processed: claiming one inside the write transaction that processes it
/// makes a retried delivery change nothing.
enum WebhookDeliveries {
    /// `true` the first time `deliveryID` is seen for `source`, `false` for a repeat.
    static func claim(source: String, deliveryID: String, topic: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO webhook_deliveries (source, delivery_id, topic, received_at)
            VALUES (\(bind: source), \(bind: deliveryID), \(bind: topic), \(bind: Instant.now.milliseconds))
            ON CONFLICT (source, delivery_id) DO NOTHING RETURNING id
            """
        ).first() != nil
    }
}
