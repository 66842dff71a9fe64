import Vapor

/// One calendar month's store KPIs, from the cohort rollup (`cohort_months`): every figure is a sum over the month's
/// cohort cells, so no order is read. Money is base-currency minor units; ratios are `nil` when undefined.
struct MonthlyMetrics: Content, Sendable, Equatable {
    /// `YYYY-MM` (UTC).
    var month: String
    /// Counted orders placed in the month.
    var orders: Int
    var netRevenueMinor: Int64
    /// Customers with at least one counted order in the month.
    var orderingCustomers: Int
    /// Customers whose first counted order ever is in the month.
    var newCustomers: Int
    /// Ordering customers acquired in an earlier month.
    var returningCustomers: Int
    /// Customers with two or more counted orders in the month, and their net revenue.
    var repeatCustomers: Int
    var repeatCustomerRevenueMinor: Int64
    var repeatCustomerRate: Double?
    var repeatCustomerRevenueShare: Double?
    /// Net revenue / orders, rounded half to even.
    var averageOrderValueMinor: Int64?
    /// Orders / ordering customers.
    var purchaseFrequency: Double?
    /// Returning customers / ordering customers.
    var returningCustomerShare: Double?
}
