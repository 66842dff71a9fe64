import SQLKit

/// A recorded VIP tier change, for the customer's timeline.
struct LoyaltyTierChange: Decodable, Sendable {
    var changedAt: Int64
    var fromTier: String
    var toTier: String
    var direction: String

    static func list(customerID: Int64, on database: Database) async throws -> [LoyaltyTierChange] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT changed_at, from_tier, to_tier, direction FROM loyalty_tier_changes
                WHERE customer_id = \(bind: customerID) ORDER BY changed_at
                """
            ).all(decoding: LoyaltyTierChange.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }
}
