import SQLKit
import Vapor

/// A redeemed reward: the discount code issued against the customer, as the API shows it.
struct LoyaltyRedemption: Content, Equatable {
    var id: Int64
    var customerId: Int64
    var rewardId: Int64
    var rewardName: String
    var points: Int64
    var code: String
    /// `held` (points taken, code being created in the store), `issued`, `failed` (points given back) or `used`.
    var status: String
    var failure: String?
    var createdAt: String
    var usedAt: String?

    static let columns = """
        r.id, r.customer_id, r.reward_id, w.name AS reward_name, r.points, r.code, r.status, r.failure, r.created_at, \
        r.used_at
        """

    struct Row: Decodable {
        var id: Int64
        var customerId: Int64
        var rewardId: Int64
        var rewardName: String
        var points: Int64
        var code: String
        var status: String
        var failure: String?
        var createdAt: Int64
        var usedAt: Int64?
    }

    init(_ row: Row) {
        id = row.id
        customerId = row.customerId
        rewardId = row.rewardId
        rewardName = row.rewardName
        points = row.points
        code = row.code
        status = row.status
        failure = row.failure
        createdAt = Instant(milliseconds: row.createdAt).iso8601
        usedAt = row.usedAt.map { Instant(milliseconds: $0).iso8601 }
    }
}

extension LoyaltyRedemption {
    static func list(customerID: Int64, on sql: any SQLDatabase) async throws -> [LoyaltyRedemption] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM loyalty_redemptions r JOIN loyalty_rewards w ON w.id = r.reward_id
            WHERE r.customer_id = \(bind: customerID) ORDER BY r.created_at DESC, r.id DESC
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(LoyaltyRedemption.init)
    }
}
