import Foundation
import RegularsCore
import SQLKit

/// The rewards catalogue.
struct LoyaltyRewardStore: Sendable {
    let database: Database
    let currency: CurrencyCode

    func list() async throws -> [LoyaltyReward] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: LoyaltyReward.columns) FROM loyalty_rewards ORDER BY points_cost, id"
            )
            .all(decoding: LoyaltyReward.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }.map { LoyaltyReward($0, currency: currency) }
    }

    func create(_ input: LoyaltyRewardInput) async throws -> LoyaltyReward {
        let row = try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO loyalty_rewards (name, kind, points_cost, value_minor, currency, percent_basis_points,
                    product_id, minimum_order_minor, tier_ids, stock, starts_at, ends_at, active, created_at)
                VALUES (\(bind: input.name), \(bind: input.kind), \(bind: input.pointsCost), \(bind: input.valueMinor),
                    \(bind: currency.code), \(bind: input.percentBasisPoints), \(bind: input.productId),
                    \(bind: input.minimumOrderMinor), \(bind: JSONText.encode(input.tierIds ?? [])), \(bind: input.stock),
                    \(bind: input.startsAt.map { Instant($0).milliseconds }), \(bind: input.endsAt.map { Instant($0).milliseconds }),
                    \(bind: true), \(bind: Instant.now.milliseconds))
                RETURNING \(unsafeRaw: LoyaltyReward.columns)
                """
            ).first(decoding: LoyaltyReward.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let row else { throw Problem(status: .internalServerError, detail: "The reward was not stored") }
        return LoyaltyReward(row, currency: currency)
    }

    /// Stops offering a reward; issued codes stay valid.
    func retire(_ id: Int64) async throws -> Bool {
        try await database.write { sql in
            try await sql.raw("UPDATE loyalty_rewards SET active = \(bind: false) WHERE id = \(bind: id) RETURNING id")
                .first() != nil
        }
    }

    static func find(_ id: Int64, currency: CurrencyCode, on sql: any SQLDatabase) async throws -> LoyaltyReward? {
        try await sql.raw("SELECT \(unsafeRaw: LoyaltyReward.columns) FROM loyalty_rewards WHERE id = \(bind: id)")
            .first(decoding: LoyaltyReward.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { LoyaltyReward($0, currency: currency) }
    }
}
