import RegularsStats

/// The refresh's predicted-vs-actual check on the store's own data: BG/NBD fitted on everything up to
/// `calibrationEnd`, then the repeat purchases it predicts week by week in the holdout (`calibrationEnd` + 1 day …
/// `holdoutEnd`) beside those that happened, both cumulative, for the same customers.
///
/// The holdout is the last quarter of the store's history, at most 26 weeks. Stores with more than
/// `maximumCustomers` customers acquired before the calibration end are checked on an evenly spaced sample of them
/// (`customers` of `eligibleCustomers`), so the check reads a bounded number of orders.
struct HoldoutCheck: Codable, Sendable, Equatable {
    static let maximumWeeks = 26
    static let maximumCustomers = 10_000

    var calibrationEnd: String
    var holdoutEnd: String
    /// Customers in the check, and how many were eligible (first order on or before the calibration end).
    var customers: Int
    var eligibleCustomers: Int
    var weeks: [Int]
    var predictedCumulative: [Double]
    var actualCumulative: [Int]
    var parameters: BGNBDParameters

    enum CodingKeys: String, CodingKey {
        case calibrationEnd = "calibration_end"
        case holdoutEnd = "holdout_end"
        case customers
        case eligibleCustomers = "eligible_customers"
        case weeks
        case predictedCumulative = "predicted_cumulative"
        case actualCumulative = "actual_cumulative"
        case parameters
    }

    /// The holdout length in whole weeks for a history of `historyDays`: a quarter of it, at most 26 weeks; 0 when the
    /// history is too short (under four weeks) for a check.
    static func holdoutWeeks(historyDays: Int) -> Int {
        min(maximumWeeks, historyDays / 4 / 7)
    }
}
