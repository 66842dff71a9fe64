/// A model of the number of repeat purchases (BG/NBD or Pareto/NBD), with time measured in weeks.
///
/// Notation: x repeat purchases, last one at tₓ, observed for T since the first purchase.
public protocol RepeatPurchaseModel: Sendable {
    /// P(the customer is still alive at T | x, tₓ, T).
    func probabilityAlive(frequency: Double, recency: Double, age: Double) -> Double

    /// E[number of purchases in (T, T + t] | alive at T, x, T]. Given that the customer is alive the history only
    /// matters through x and T, so the conditional expectation is this times `probabilityAlive`.
    func expectedPurchasesIfAlive(in t: Double, frequency: Double, age: Double) -> Double

    /// E[X(t)]: expected number of repeat purchases in the first t weeks after a randomly chosen customer's first
    /// purchase (the unconditional curve).
    func expectedRepeatPurchases(within t: Double) -> Double

    /// Shape and rate of the Gamma posterior of the purchase rate λ for a customer who is alive at T: (r + x, α + T).
    func purchaseRatePosterior(frequency: Double, age: Double) -> (shape: Double, rate: Double)
}

extension RepeatPurchaseModel {
    /// E[Y(t) | x, tₓ, T]: expected number of purchases in the next t weeks.
    public func expectedPurchases(in t: Double, frequency: Double, recency: Double, age: Double) -> Double {
        probabilityAlive(frequency: frequency, recency: recency, age: age)
            * expectedPurchasesIfAlive(in: t, frequency: frequency, age: age)
    }

    /// When the next order is expected, for a customer with the given history.
    public func nextPurchase(frequency: Double, recency: Double, age: Double) -> NextPurchaseEstimate {
        let posterior = purchaseRatePosterior(frequency: frequency, age: age)
        return NextPurchaseEstimate(
            probabilityAlive: probabilityAlive(frequency: frequency, recency: recency, age: age),
            purchaseRateShape: posterior.shape, purchaseRateRate: posterior.rate)
    }

    /// Expected cumulative repeat purchases of a group of customers over calendar time.
    ///
    /// Customer i made their first purchase at `firstPurchaseWeeks[i]` (weeks from the start of the curve); the value
    /// at time τ is Σᵢ E[X(τ − sᵢ)] over customers with sᵢ < τ. Points are at `step`, `2·step`, … up to `through`.
    public func expectedCumulativeRepeatPurchases(
        firstPurchaseWeeks: [Double], through: Double, step: Double = 1
    ) -> [CurvePoint] {
        var counts: [Double: Int] = [:]
        for start in firstPurchaseWeeks { counts[start, default: 0] += 1 }
        let starts = counts.sorted { $0.key < $1.key }
        var points: [CurvePoint] = []
        var time = step
        while time <= through + 1e-9 {
            var total = 0.0
            for (start, count) in starts where start < time {
                total += Double(count) * expectedRepeatPurchases(within: time - start)
            }
            points.append(CurvePoint(week: time, value: total))
            time += step
        }
        return points
    }
}
