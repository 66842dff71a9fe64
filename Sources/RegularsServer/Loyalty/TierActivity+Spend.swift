import RegularsLoyalty
import SQLKit

extension TierActivity {
    /// A customer's spend in the base currency for tiers measured on spend: each kept order at its placement, each
    /// refund of it (negative) when it was made.
    static func spend(customerID: Int64, on sql: any SQLDatabase) async throws -> [TierActivity] {
        struct Row: Decodable { var at: Int64; var amount: Int64 }
        return try await sql.raw(
            """
            SELECT placed_at AS at, base_total_minor AS amount FROM orders
            WHERE customer_id = \(bind: customerID) AND cancelled_at IS NULL
            UNION ALL
            SELECT r.created_at AS at, -r.base_amount_minor AS amount FROM refunds r JOIN orders o ON o.id = r.order_id
            WHERE o.customer_id = \(bind: customerID) AND o.cancelled_at IS NULL
            """
        ).all(decoding: Row.self).map { TierActivity(at: Instant(milliseconds: $0.at).date, amount: $0.amount) }
    }
}
