import RegularsStats
import SQLiteKit

/// One customer's scores as a refresh computes them, before they are written to `customer_scores`. The churn band
/// and the RFM segment are not written: readers derive them from P(alive) and the RFM scores.
struct CustomerScoreRow: Sendable, Equatable {
    var customerID: Int64
    var pAlive: Double?
    var expectedOrders90d: Double?
    var predictedClv12mMinor: Int64?
    var rfm: RFMScore
    var nextOrderAt: Int64?

    /// `(customer_id, p_alive, expected_orders_90d, predicted_clv_12m_minor, rfm, next_order_at)`, the RFM scores as
    /// one integer r·100 + f·10 + m: SQLite parses every bound value of a multi-row INSERT, so fewer values a row cost
    /// less. `compactSelectList` unpacks them again inside the statement.
    static let compactValueCount = 6

    /// Appends the six compact values.
    func appendCompact(to binds: inout [SQLiteData]) {
        func number(_ value: Double?) -> SQLiteData {
            guard let value, value.isFinite else { return .null }
            return .float(value)
        }
        binds.append(.integer(SQLiteInt64(customerID)))
        binds.append(number(pAlive))
        binds.append(number(expectedOrders90d))
        binds.append(predictedClv12mMinor.map { .integer(SQLiteInt64($0)) } ?? .null)
        binds.append(.integer(SQLiteInt64(rfm.code)))
        binds.append(nextOrderAt.map { .integer(SQLiteInt64($0)) } ?? .null)
    }

    /// The SELECT list over `VALUES` rows of compact values (`column1`…`column6`) giving, in order, `customer_id`,
    /// `p_alive`, `expected_orders_90d`, `predicted_clv_12m_minor`, `rfm_recency`, `rfm_frequency`, `rfm_monetary`,
    /// `next_order_at`.
    static let compactSelectList =
        "column1, column2, column3, column4, column5 / 100, column5 / 10 % 10, column5 % 10, column6"
}
