/// Predictions for each distinct (x, tₓ, T) row: P(alive), expected purchases over the horizon and the discounted
/// expected purchases of the CLV schedule (to be multiplied by a customer's expected spend per order).
struct RowPredictions {
    var alive: [Double]
    var expected: [Double]
    var discountedPurchases: [Double]

    init(model: some RepeatPurchaseModel, rows data: CollapsedSummaries, options: CLVOptions) {
        let table = ExpectationTable(model: model, data: data, horizons: options.predictionHorizons)
        let factors = options.monthlyDiscountFactors
        let rows = data.rowCount
        alive = [Double](repeating: 0, count: rows)
        expected = [Double](repeating: 0, count: rows)
        discountedPurchases = [Double](repeating: 0, count: rows)
        for row in 0..<rows {
            let p = model.probabilityAlive(
                frequency: data.frequency[row], recency: data.recency[row], age: data.age[row])
            alive[row] = p
            expected[row] = p * table.value(row: row, horizon: 0)
            discountedPurchases[row] =
                p * options.discountedMonthlyPurchases(factors: factors) { table.value(row: row, horizon: $0) }
        }
    }
}
