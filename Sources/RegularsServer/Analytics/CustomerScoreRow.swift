import Foundation
import RegularsStats
import SQLiteKit

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

    /// The churn band, the RFM scores and the segment as one integer, r·10⁵ + f·10⁴ + m·10³ + band·10² + segment:
    /// band 0 for none, else 1 + its index in `ChurnRisk.allCases`; segment its index in `RFMSegment.allCases`.
    /// SQLite parses every bound value of a multi-row INSERT, so six values a row instead of twelve halve that work;
    /// `compactSelectList` unpacks them again inside the statement.
    var codes: Int64 {
        let band = churnRisk.flatMap { Self.bands.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let segment = Self.segments.firstIndex(of: rfmSegment) ?? 0
        return Int64(rfmRecency) * 100_000 + Int64(rfmFrequency) * 10_000 + Int64(rfmMonetary) * 1_000
            + Int64(band) * 100 + Int64(segment)
    }

    private static let bands = ChurnRisk.allCases.map(\.rawValue)
    private static let segments = RFMSegment.allCases.map(\.rawValue)

    /// `(customer_id, p_alive, expected_orders_90d, predicted_clv_12m_minor, codes, next_order_at)`.
    static let compactValueCount = 6

    /// Appends the six compact values (see `codes`).
    func appendCompact(to binds: inout [SQLiteData]) {
        func number(_ value: Double?) -> SQLiteData {
            guard let value, value.isFinite else { return .null }
            return .float(value)
        }
        binds.append(.integer(SQLiteInt64(customerID)))
        binds.append(number(pAlive))
        binds.append(number(expectedOrders90d))
        binds.append(predictedClv12mMinor.map { .integer(SQLiteInt64($0)) } ?? .null)
        binds.append(.integer(SQLiteInt64(codes)))
        binds.append(nextOrderAt.map { .integer(SQLiteInt64($0)) } ?? .null)
    }

    /// The SELECT list over `VALUES` rows of compact values (`column1`…`column6`) giving, in order, `customer_id`,
    /// `p_alive`, `expected_orders_90d`, `predicted_clv_12m_minor`, `churn_risk`, `rfm_recency`, `rfm_frequency`,
    /// `rfm_monetary`, `rfm_segment`, `next_order_at`.
    static var compactSelectList: String {
        func cases(_ expression: String, _ words: [String], offset: Int) -> String {
            "CASE \(expression) "
                + words.enumerated().map {
                    "WHEN \($0.offset + offset) THEN '\($0.element.replacingOccurrences(of: "'", with: "''"))'"
                }.joined(separator: " ")
                + " END"
        }
        return [
            "column1", "column2", "column3", "column4", cases("column5 / 100 % 10", bands, offset: 1),
            "column5 / 100000", "column5 / 10000 % 10", "column5 / 1000 % 10",
            cases("column5 % 100", segments, offset: 0),
            "column6",
        ].joined(separator: ", ")
    }
}
