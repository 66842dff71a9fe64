import RegularsCore
import RegularsStats
import Vapor

/// A customer's latest scores from the analytics refresh.
struct CustomerScores: Content, Sendable {
    var model: String
    var pAlive: Double?
    var expectedOrders90d: Double?
    var predictedClv12m: MoneyDTO?
    var churnRisk: String?
    var rfm: RFM
    var nextOrderAt: String?
    /// The scores in one sentence, e.g. "3 orders, the last 140 days ago; customers like this are 34% likely to
    /// still be active."
    var reason: String?

    struct RFM: Content, Sendable {
        var recency: Int
        var frequency: Int
        var monetary: Int
        var segment: String
    }

    /// The row decoder does not find columns whose names hold digits (`expected_orders_90d`) from a camel-case name,
    /// so the query renames those two.
    private struct Row: Decodable {
        var model: String?
        var pAlive: Double?
        var expectedOrders: Double?
        var clvMinor: Int64?
        var rfmRecency: Int
        var rfmFrequency: Int
        var rfmMonetary: Int
        var nextOrderAt: Int64?
    }

    /// The customer's scores, with the model of the refresh that wrote them, the churn band of their P(alive) and
    /// the segment of their RFM scores.
    static func load(customerID: Int64, database: Database, currency: String) async throws -> CustomerScores? {
        let row = try await database.read { sql in
            try await sql.raw(
                """
                SELECT r.model, s.p_alive, s.expected_orders_90d AS expected_orders,
                    s.predicted_clv_12m_minor AS clv_minor, s.rfm_recency, s.rfm_frequency, s.rfm_monetary,
                    s.next_order_at
                FROM customer_scores s LEFT JOIN analytics_runs r ON r.id = s.run_id
                WHERE s.customer_id = \(bind: customerID)
                """
            ).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let row else { return nil }
        let rfm = RFMScore(recency: row.rfmRecency, frequency: row.rfmFrequency, monetary: row.rfmMonetary)
        return CustomerScores(
            model: row.model ?? "none", pAlive: row.pAlive, expectedOrders90d: row.expectedOrders,
            predictedClv12m: row.clvMinor.map { MoneyDTO(minorUnits: $0, currency: currency) },
            churnRisk: row.pAlive.map { ChurnRisk(probabilityAlive: $0).rawValue },
            rfm: RFM(
                recency: rfm.recency, frequency: rfm.frequency, monetary: rfm.monetary, segment: rfm.segment.rawValue),
            nextOrderAt: row.nextOrderAt.map { Instant(milliseconds: $0).iso8601 }, reason: nil)
    }

    /// The scores as one sentence in `locale`, from the catalogue's `score_reason` with the customer's figures.
    static func reason(
        locale: SupportedLocale, orders: Int, lastOrderAt: Int64?, pAlive: Double?, expectedOrders: Double?,
        now: Instant = .now
    ) -> String? {
        guard let lastOrderAt else { return nil }
        let days = max(0, (now.milliseconds - lastOrderAt) / 86_400_000)
        func counted(_ key: String, _ n: Int64) -> String {
            Catalogue.shared.text(n == 1 ? key + "_one" : key + "_other", locale)
                .replacingOccurrences(of: "{n}", with: String(n))
        }
        let history = { (key: String) in
            Catalogue.shared.text(key, locale)
                .replacingOccurrences(of: "{orders}", with: counted("reason_orders", Int64(orders)))
                .replacingOccurrences(of: "{days}", with: counted("reason_days", days))
        }
        if let pAlive {
            return history("score_reason").replacingOccurrences(
                of: "{percent}", with: String(Int((pAlive * 100).rounded())))
        }
        guard let expectedOrders else { return nil }
        return history("score_reason_one_time").replacingOccurrences(
            of: "{expected}", with: String(format: "%.2f", expectedOrders))
    }
}
