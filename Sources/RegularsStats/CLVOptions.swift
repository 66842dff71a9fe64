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
