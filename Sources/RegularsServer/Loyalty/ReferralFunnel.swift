import SQLKit
import Vapor

/// How referrals progress, for one advocate or the whole programme: links shared, visits through them, friends who
/// signed up, friends who placed a qualifying first order, and referrals rewarded (or held, or rejected).
struct ReferralFunnel: Content, Equatable {
    var shared: Int
    var visits: Int
    var signUps: Int
    var firstOrders: Int
    var rewarded: Int
    var held: Int
    var rejected: Int

    static func load(advocateID: Int64?, on sql: any SQLDatabase) async throws -> ReferralFunnel {
        let advocate: SQLQueryString = advocateID.map { "advocate_id = \(bind: $0)" } ?? "1 = 1"
        struct Activity: Decodable { var kind: String; var n: Int }
        let activity = try await sql.raw(
            "SELECT kind, COUNT(*) AS n FROM loyalty_referral_activity WHERE \(advocate) GROUP BY kind"
        ).all(decoding: Activity.self)
        struct Referrals: Decodable {
            var signUps: Int; var firstOrders: Int?; var rewarded: Int?; var held: Int?; var rejected: Int?
        }
        let referrals = try await sql.raw(
            """
            SELECT COUNT(*) AS sign_ups,
                SUM(CASE WHEN order_id IS NOT NULL THEN 1 ELSE 0 END) AS first_orders,
                SUM(CASE WHEN status = 'rewarded' THEN 1 ELSE 0 END) AS rewarded,
                SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END) AS held,
                SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected
            FROM loyalty_referrals WHERE \(advocate)
            """
        ).first(decoding: Referrals.self, keyDecodingStrategy: .convertFromSnakeCase)
        func count(_ kind: String) -> Int { activity.first { $0.kind == kind }?.n ?? 0 }
        return ReferralFunnel(
            shared: count("shared"), visits: count("visit"), signUps: referrals?.signUps ?? 0,
            firstOrders: referrals?.firstOrders ?? 0, rewarded: referrals?.rewarded ?? 0, held: referrals?.held ?? 0,
            rejected: referrals?.rejected ?? 0)
    }
}
