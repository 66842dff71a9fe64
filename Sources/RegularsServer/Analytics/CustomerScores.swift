import RegularsCore
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
        var model: String
        var pAlive: Double?
        var expectedOrders: Double?
        var clvMinor: Int64?
        var churnRisk: String?
        var rfmRecency: Int
        var rfmFrequency: Int
        var rfmMonetary: Int
        var rfmSegment: String
        var nextOrderAt: Int64?
    }

    static func load(customerID: Int64, database: Database, currency: String) async throws -> CustomerScores? {
        let row = try await database.read { sql in
            try await sql.raw(
                """
                SELECT model, p_alive, expected_orders_90d AS expected_orders,
                    predicted_clv_12m_minor AS clv_minor, churn_risk, rfm_recency, rfm_frequency,
                    rfm_monetary, rfm_segment, next_order_at
                FROM customer_scores WHERE customer_id = \(bind: customerID)
                """
            ).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let row else { return nil }
        return CustomerScores(
            model: row.model, pAlive: row.pAlive, expectedOrders90d: row.expectedOrders,
            predictedClv12m: row.clvMinor.map { MoneyDTO(minorUnits: $0, currency: currency) },
            churnRisk: row.churnRisk,
            rfm: RFM(
                recency: row.rfmRecency, frequency: row.rfmFrequency, monetary: row.rfmMonetary,
                segment: row.rfmSegment),
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
