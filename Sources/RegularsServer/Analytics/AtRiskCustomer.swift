import RegularsCore
import RegularsStats
import SQLKit
import Vapor

/// A valuable customer whose P(alive) fell between the last two refreshes: the Dashboard's at-risk list and
/// `GET /api/analytics/at-risk`.
///
/// Listed: scored customers whose P(alive) is at least `minimumDrop` below the previous refresh's, ordered by value
/// at stake — historic net revenue plus predicted 12-month CLV, highest first — then by the size of the drop.
struct AtRiskCustomer: Content, Sendable, Equatable {
    static let minimumDrop = 0.05

    var customerId: Int64
    var name: String
    var netRevenue: MoneyDTO
    var predictedClv12m: MoneyDTO?
    var pAlive: Double
    var pAlivePrevious: Double
    var pAliveDrop: Double
    var churnRisk: String?
    var lastOrderAt: String?

    private struct Row: Decodable {
        var id: Int64
        var firstName: String?
        var lastName: String?
        var netRevenueMinor: Int64
        /// `predicted_clv_12m_minor`, renamed: the row decoder does not map digit-bearing names back to it.
        var clvMinor: Int64?
        var pAlive: Double
        var pAlivePrevious: Double
        var lastOrderAt: Int64?
    }

    static func load(database: Database, currency: String, limit: Int) async throws -> [AtRiskCustomer] {
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT c.id, c.first_name, c.last_name, c.net_revenue_minor,
                    s.predicted_clv_12m_minor AS clv_minor, s.p_alive,
                    s.p_alive_previous, c.last_order_at
                FROM customer_scores s JOIN customers c ON c.id = s.customer_id
                WHERE s.p_alive IS NOT NULL AND s.p_alive_previous IS NOT NULL
                    AND s.p_alive_previous - s.p_alive >= \(bind: minimumDrop) AND c.redacted_at IS NULL
                ORDER BY c.net_revenue_minor + COALESCE(s.predicted_clv_12m_minor, 0) DESC,
                    s.p_alive_previous - s.p_alive DESC, c.id
                LIMIT \(literal: max(1, min(limit, 500)))
                """
            ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        return rows.map { row in
            AtRiskCustomer(
                customerId: row.id, name: PersonName.display(first: row.firstName, last: row.lastName),
                netRevenue: MoneyDTO(minorUnits: row.netRevenueMinor, currency: currency),
                predictedClv12m: row.clvMinor.map { MoneyDTO(minorUnits: $0, currency: currency) },
                pAlive: row.pAlive, pAlivePrevious: row.pAlivePrevious, pAliveDrop: row.pAlivePrevious - row.pAlive,
                churnRisk: ChurnRisk(probabilityAlive: row.pAlive).rawValue,
                lastOrderAt: row.lastOrderAt.map { Instant(milliseconds: $0).iso8601 })
        }
    }
}
