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

    /// Appends the row's values in the order of `AnalyticsRefresher.scoreColumns`.
    func append(to binds: inout [SQLiteData], runID: Int64, model: String) {
        func number(_ value: Double?) -> SQLiteData {
            guard let value, value.isFinite else { return .null }
            return .float(value)
        }
        binds.append(.integer(SQLiteInt64(customerID)))
        binds.append(.integer(SQLiteInt64(runID)))
        binds.append(.text(model))
        binds.append(number(pAlive))
        binds.append(number(expectedOrders90d))
        binds.append(predictedClv12mMinor.map { .integer(SQLiteInt64($0)) } ?? .null)
        binds.append(churnRisk.map { .text($0) } ?? .null)
        binds.append(.integer(SQLiteInt64(rfmRecency)))
        binds.append(.integer(SQLiteInt64(rfmFrequency)))
        binds.append(.integer(SQLiteInt64(rfmMonetary)))
        binds.append(.text(rfmSegment))
        binds.append(nextOrderAt.map { .integer(SQLiteInt64($0)) } ?? .null)
    }
}
