#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Predictions for each distinct (x, tₓ, T) row: P(alive), expected purchases over the horizon and the discounted
/// expected purchases of the CLV schedule (to be multiplied by a customer's expected spend per order).
struct RowPredictions {
    var alive: [Double]
    var expected: [Double]
    var discountedPurchases: [Double]

    init(model: some RepeatPurchaseModel, rows data: CollapsedSummaries, options: CLVOptions) {
        let months = max(0, options.lifetimeMonths)
        var horizons = [options.purchaseHorizonWeeks]
        for k in 0...months { horizons.append(Double(k) * options.weeksPerMonth) }
        let table = ExpectationTable(model: model, data: data, horizons: horizons)
        let rows = data.rowCount
        alive = [Double](repeating: 0, count: rows)
        expected = [Double](repeating: 0, count: rows)
        discountedPurchases = [Double](repeating: 0, count: rows)
        let discount = (1...max(1, months)).map { 1 / pow(1 + options.monthlyDiscountRate, Double($0)) }
        for row in 0..<rows {
            let p = model.probabilityAlive(
                frequency: data.frequency[row], recency: data.recency[row], age: data.age[row])
            alive[row] = p
            expected[row] = p * table.value(row: row, horizon: 0)
            var discounted = 0.0
            if months > 0 {
                for k in 1...months {
                    discounted +=
                        (table.value(row: row, horizon: k + 1) - table.value(row: row, horizon: k)) * discount[k - 1]
                }
            }
            discountedPurchases[row] = p * discounted
        }
    }
}
