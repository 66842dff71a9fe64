/// Predicted versus actual repeat purchases week by week in a holdout period — the calibration/holdout check of
/// the "buy till you die" literature, as values a UI can chart.
///
/// Predicted cumulative purchases by holdout week k are Σᵢ E[Y(tₖ) | xᵢ, tₓᵢ, Tᵢ] with tₖ = min(k, holdout length)
/// weeks, using the model fitted on the calibration period; actual cumulative purchases count the transaction days
/// of the same customers up to that week.
public struct HoldoutComparison: Sendable, Equatable, Codable {
    public var weeks: [Int]
    public var predictedCumulative: [Double]
    public var actualCumulative: [Int]

    enum CodingKeys: String, CodingKey {
        case weeks
        case predictedCumulative = "predicted_cumulative"
        case actualCumulative = "actual_cumulative"
    }

    public init(weeks: [Int], predictedCumulative: [Double], actualCumulative: [Int]) {
        self.weeks = weeks
        self.predictedCumulative = predictedCumulative
        self.actualCumulative = actualCumulative
    }

    public init(model: some RepeatPurchaseModel, calibration: CustomerSummaries, holdout: HoldoutSummary)
        throws(CLVModelError)
    {
        guard calibration.customerIDs == holdout.customerIDs else { throw .mismatchedLengths }
        let data = try CollapsedSummaries(calibration)
        let weekCount = holdout.weeklyPurchases.count
        let duration = holdout.durationWeeks
        let horizons = (1...max(1, weekCount)).map { min(Double($0), duration) }
        let table = ExpectationTable(model: model, data: data, horizons: horizons)
        var predicted = [Double](repeating: 0, count: weekCount)
        for row in 0..<data.rowCount {
            let alive = model.probabilityAlive(
                frequency: data.frequency[row], recency: data.recency[row], age: data.age[row])
            let w = data.weight[row] * alive
            for k in 0..<weekCount { predicted[k] += w * table.value(row: row, horizon: k) }
        }
        var actual: [Int] = []
        var running = 0
        for count in holdout.weeklyPurchases {
            running += count
            actual.append(running)
        }
        self.init(
            weeks: Array((1...max(1, weekCount)).prefix(weekCount)), predictedCumulative: predicted,
            actualCumulative: actual)
    }

    /// Predicted purchases in each week (differences of the cumulative series).
    public var predictedWeekly: [Double] {
        predictedCumulative.indices.map { predictedCumulative[$0] - ($0 > 0 ? predictedCumulative[$0 - 1] : 0) }
    }

    /// Actual purchases in each week.
    public var actualWeekly: [Int] {
        actualCumulative.indices.map { actualCumulative[$0] - ($0 > 0 ? actualCumulative[$0 - 1] : 0) }
    }
}
