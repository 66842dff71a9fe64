#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Horizons and discounting for per-customer predictions.
///
/// CLV is computed as `lifetimes`' `customer_lifetime_value` does: the horizon is cut into months of
/// `weeksPerMonth` weeks; the expected purchases in month k, E[Y(k·F)] − E[Y((k−1)·F)], are multiplied by the
/// Gamma-Gamma expected spend per order and discounted by (1 + `monthlyDiscountRate`)^k, and the months are summed.
public struct CLVOptions: Sendable, Hashable, Codable {
    /// Horizon for `expectedPurchases`, in weeks (default 52).
    public var purchaseHorizonWeeks: Double
    /// CLV horizon in months (default 12).
    public var lifetimeMonths: Int
    /// Monthly discount rate (default 0.01).
    public var monthlyDiscountRate: Double
    /// Weeks per month (default 4.345, as in `lifetimes`).
    public var weeksPerMonth: Double

    public init(
        purchaseHorizonWeeks: Double = 52, lifetimeMonths: Int = 12, monthlyDiscountRate: Double = 0.01,
        weeksPerMonth: Double = 4.345
    ) {
        self.purchaseHorizonWeeks = purchaseHorizonWeeks
        self.lifetimeMonths = lifetimeMonths
        self.monthlyDiscountRate = monthlyDiscountRate
        self.weeksPerMonth = weeksPerMonth
    }
}

extension CLVOptions {
    /// The horizons a prediction needs, in weeks: `purchaseHorizonWeeks`, then 0, 1, …, `lifetimeMonths` months.
    var predictionHorizons: [Double] {
        [purchaseHorizonWeeks] + (0...max(0, lifetimeMonths)).map { Double($0) * weeksPerMonth }
    }

    /// 1 / (1 + `monthlyDiscountRate`)ᵏ for the months k = 1…`lifetimeMonths` (at least one).
    var monthlyDiscountFactors: [Double] {
        (1...max(1, lifetimeMonths)).map { 1 / pow(1 + monthlyDiscountRate, Double($0)) }
    }

    /// Σₖ (E[Y(k months)] − E[Y(k − 1 months)]) · `factors`[k − 1] over the months k = 1…`lifetimeMonths`, where
    /// `expected(h)` is E[Y] at `predictionHorizons[h]`.
    @inline(__always)
    func discountedMonthlyPurchases(factors: [Double], expected: (Int) -> Double) -> Double {
        var discounted = 0.0
        if lifetimeMonths > 0 {
            for k in 1...lifetimeMonths { discounted += (expected(k + 1) - expected(k)) * factors[k - 1] }
        }
        return discounted
    }
}
