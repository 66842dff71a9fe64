import SQLKit
import Vapor

/// A referral as the admin API shows it.
struct LoyaltyReferralView: Content, Equatable {
    var id: Int64
    var advocateId: Int64
    var friendId: Int64
    /// `signed_up`, `held` (waiting for an admin), `rejected` or `rewarded`.
    var status: String
    var reasons: [String]
    var orderId: Int64?
    var createdAt: String
    var decidedAt: String?

    struct Row: Decodable {
        var id: Int64
        var advocateId: Int64
        var friendId: Int64
        var status: String
        var reasons: String
        var orderId: Int64?
        var createdAt: Int64
        var decidedAt: Int64?
    }

    init(_ row: Row) {
        id = row.id
        advocateId = row.advocateId
        friendId = row.friendId
        status = row.status
        reasons = JSONText.decode([String].self, from: row.reasons) ?? []
        orderId = row.orderId
        createdAt = Instant(milliseconds: row.createdAt).iso8601
        decidedAt = row.decidedAt.map { Instant(milliseconds: $0).iso8601 }
    }

    static let columns = "id, advocate_id, friend_id, status, reasons, order_id, created_at, decided_at"

    static func list(status: String?, on sql: any SQLDatabase) async throws -> [LoyaltyReferralView] {
        let query: SQLQueryString =
            status == nil
            ? "SELECT \(unsafeRaw: columns) FROM loyalty_referrals ORDER BY id DESC LIMIT 500"
            : "SELECT \(unsafeRaw: columns) FROM loyalty_referrals WHERE status = \(bind: status ?? "") ORDER BY id DESC LIMIT 500"
        return try await sql.raw(query).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map(LoyaltyReferralView.init)
    }

    static func find(_ id: Int64, on sql: any SQLDatabase) async throws -> LoyaltyReferralView {
        guard
            let row = try await sql.raw("SELECT \(unsafeRaw: columns) FROM loyalty_referrals WHERE id = \(bind: id)")
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw Problem.notFound("Referral \(id)") }
        return LoyaltyReferralView(row)
    }
}
