/// What actually happened in a holdout period after the calibration period, for the customers of the calibration
/// summaries (same order): repeat transaction days per customer and in total per holdout week.
public struct HoldoutSummary: Sendable, Equatable {
    public var customerIDs: [Int64]
    /// Transaction days in (calibrationEnd, holdoutEnd] per customer.
    public var purchases: [Int32]
    /// Total transaction days of all these customers in holdout week k (index k − 1), week k covering days
    /// calibrationEnd + 7(k−1) + 1 … calibrationEnd + 7k; the last week may be partial.
    public var weeklyPurchases: [Int]
    public var calibrationEnd: EpochDay
    public var holdoutEnd: EpochDay

    /// Length of the holdout period in weeks.
    public var durationWeeks: Double { Double(calibrationEnd.days(to: holdoutEnd)) / 7 }

    /// - Parameter holdoutEnd: last day of the holdout (inclusive); default the last day in the log.
    public init(log: TransactionLog, calibrationEnd: EpochDay, holdoutEnd: EpochDay? = nil) {
        let calibration = calibrationEnd.rawValue
        let end = max((holdoutEnd ?? log.lastDay ?? calibrationEnd).rawValue, calibration)
        let weekCount = (Int(end - calibration) + 6) / 7
        var ids: [Int64] = []
        var purchases: [Int32] = []
        var weekly = [Int](repeating: 0, count: weekCount)
        log.forEachCustomer { customer, days, _ in
            guard let first = days.first, first <= calibration else { return }
            var count: Int32 = 0
            var previous = first
            for day in days where day > calibration && day <= end && day != previous {
                count += 1
                weekly[Int(day - calibration - 1) / 7] += 1
                previous = day
            }
            ids.append(log.customerIDs[customer])
            purchases.append(count)
        }
        self.customerIDs = ids
        self.purchases = purchases
        self.weeklyPurchases = weekly
        self.calibrationEnd = calibrationEnd
        self.holdoutEnd = EpochDay(rawValue: end)
    }
}
