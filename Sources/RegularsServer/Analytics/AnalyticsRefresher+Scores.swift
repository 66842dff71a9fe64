import SQLKit

extension AnalyticsRefresher {
    static let scoreColumns = [
        "customer_id", "run_id", "model", "p_alive", "expected_orders_90d", "predicted_clv_12m_minor", "churn_risk",
        "rfm_recency", "rfm_frequency", "rfm_monetary", "rfm_segment", "next_order_at",
    ]

    /// Rows per multi-row statement.
    static let scoreRowsPerStatement = 2_000

    /// Upserts every customer's scores with multi-row statements; a customer scored before keeps that P(alive) as
    /// `p_alive_previous`. Customers no longer scored (no counted order left, or redacted) are removed. Runs inside
    /// the caller's transaction.
    ///
    /// The rows are written as SQL literals rather than bound parameters: every value is a number the refresh
    /// computed or one of a few fixed words (model, churn band, segment), and a million customers mean twelve million
    /// values, whose binding alone took longer than the rest of the refresh.
    static func writeScores(_ rows: [CustomerScoreRow], runID: Int64, model: String, on sql: any SQLDatabase)
        async throws
    {
        let columns = scoreColumns.joined(separator: ", ")
        let updates =
            (scoreColumns.dropFirst().map { "\($0) = excluded.\($0)" } + [
                "p_alive_previous = customer_scores.p_alive"
            ]).joined(separator: ", ")
        let modelLiteral = literal(model)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + scoreRowsPerStatement)
            var text = "INSERT INTO customer_scores (\(columns)) VALUES "
            text.reserveCapacity(120 * (end - start) + 400)
            for index in start..<end {
                if index > start { text += "," }
                rows[index].appendLiteral(to: &text, runID: runID, modelLiteral: modelLiteral)
            }
            text += " ON CONFLICT (customer_id) DO UPDATE SET \(updates)"
            try await sql.raw(SQLQueryString(text)).run()
            start = end
        }
        try await sql.raw("DELETE FROM customer_scores WHERE run_id <> \(bind: runID)").run()
    }

    /// A quoted SQL string literal.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
