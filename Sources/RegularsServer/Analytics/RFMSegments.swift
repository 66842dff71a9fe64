import RegularsStats
import SQLKit
import Vapor

/// Customers and net revenue per RFM segment, from the latest refresh's scores.
struct RFMSegments: Content, Sendable {
    var segments: [SegmentSummary]
    var runId: Int64?

    struct SegmentSummary: Content, Sendable {
        var segment: String
        var customers: Int
        var netRevenue: MoneyDTO
        var revenueShare: Double
    }

    static func load(database: Database, currency: String) async throws -> RFMSegments {
        struct Row: Decodable { var rfmSegment: String; var customers: Int; var revenue: Int64; var runId: Int64 }
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT s.rfm_segment, COUNT(*) AS customers, CAST(SUM(c.net_revenue_minor) AS BIGINT) AS revenue,
                    MAX(s.run_id) AS run_id
                FROM customer_scores s JOIN customers c ON c.id = s.customer_id GROUP BY s.rfm_segment
                """
            ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        let total = rows.reduce(Int64(0)) { $0 + $1.revenue }
        let bySegment = Dictionary(uniqueKeysWithValues: rows.map { ($0.rfmSegment, $0) })
        return RFMSegments(
            segments: RFMSegment.allCases.map { segment in
                let row = bySegment[segment.rawValue]
                return SegmentSummary(
                    segment: segment.rawValue, customers: row?.customers ?? 0,
                    netRevenue: MoneyDTO(minorUnits: row?.revenue ?? 0, currency: currency),
                    revenueShare: total > 0 ? Double(row?.revenue ?? 0) / Double(total) : 0)
            },
            runId: rows.map(\.runId).max())
    }
}
