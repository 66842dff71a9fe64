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
        struct Row: Decodable {
            var rfmRecency: Int
            var rfmFrequency: Int
            var rfmMonetary: Int
            var customers: Int
            var revenue: Int64
            var runId: Int64
        }
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT s.rfm_recency, s.rfm_frequency, s.rfm_monetary, COUNT(*) AS customers,
                    CAST(SUM(c.net_revenue_minor) AS BIGINT) AS revenue, MAX(s.run_id) AS run_id
                FROM customer_scores s JOIN customers c ON c.id = s.customer_id
                GROUP BY s.rfm_recency, s.rfm_frequency, s.rfm_monetary
                """
            ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        var customers: [RFMSegment: Int] = [:]
        var revenue: [RFMSegment: Int64] = [:]
        for row in rows {
            let segment = RFMScore(recency: row.rfmRecency, frequency: row.rfmFrequency, monetary: row.rfmMonetary)
                .segment
            customers[segment, default: 0] += row.customers
            revenue[segment, default: 0] += row.revenue
        }
        let total = rows.reduce(Int64(0)) { $0 + $1.revenue }
        return RFMSegments(
            segments: RFMSegment.allCases.map { segment in
                let segmentRevenue = revenue[segment] ?? 0
                return SegmentSummary(
                    segment: segment.rawValue, customers: customers[segment] ?? 0,
                    netRevenue: MoneyDTO(minorUnits: segmentRevenue, currency: currency),
                    revenueShare: total > 0 ? Double(segmentRevenue) / Double(total) : 0)
            },
            runId: rows.map(\.runId).max())
    }
}
