/// One customer's scores as a refresh computes them, before they are written to `customer_scores`.
struct CustomerScoreRow: Sendable, Equatable {
    var customerID: Int64
    var pAlive: Double?
    var expectedOrders90d: Double?
    var predictedClv12mMinor: Int64?
    var churnRisk: String?
    var rfmRecency: Int
    var rfmFrequency: Int
    var rfmMonetary: Int
    var rfmSegment: String
    var nextOrderAt: Int64?

    /// Appends `(customer_id, run_id, model, …)` in the order of `AnalyticsRefresher.scoreColumns` as SQL literals.
    /// Doubles are written in their shortest round-trip form, so the database stores exactly the computed value.
    func appendLiteral(to text: inout String, runID: Int64, modelLiteral: String) {
        func number(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "NULL" }
            return "\(value)"
        }
        text += "("
        text += String(customerID)
        text += ","
        text += String(runID)
        text += ","
        text += modelLiteral
        text += ","
        text += number(pAlive)
        text += ","
        text += number(expectedOrders90d)
        text += ","
        text += predictedClv12mMinor.map { String($0) } ?? "NULL"
        text += ","
        text += churnRisk.map(AnalyticsRefresher.literal) ?? "NULL"
        text += ","
        text += String(rfmRecency)
        text += ","
        text += String(rfmFrequency)
        text += ","
        text += String(rfmMonetary)
        text += ","
        text += AnalyticsRefresher.literal(rfmSegment)
        text += ","
        text += nextOrderAt.map { String($0) } ?? "NULL"
        text += ")"
    }
}
