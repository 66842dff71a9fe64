import Foundation

/// Retention metrics of a store over a period [start, end) — see docs/statistics.md for the definitions.
///
/// Counts and money are exact integers (money in base-currency minor units); ratios are `Double`; a ratio whose
/// denominator is 0 is `nil`.
public struct RetentionMetrics: Sendable, Hashable, Codable {
    public var periodStart: Date
    public var periodEnd: Date
    /// S: customers active at the start of the period.
    public var customersAtStart: Int
    /// E: customers active at the end of the period.
    public var customersAtEnd: Int
    /// N: customers whose first counted order ever falls in the period.
    public var newCustomers: Int
    /// Customers active both at the start and at the end.
    public var retainedCustomers: Int
    /// CRR = (E − N) / S × 100.
    public var customerRetentionRatePercent: Double?
    /// Churn = (S − retained) / S × 100: share of the customers active at the start who are no longer active at the
    /// end.
    public var churnRatePercent: Double?
    /// Counted orders placed in the period.
    public var orders: Int
    /// Customers with at least one counted order in the period.
    public var orderingCustomers: Int
    /// Customers with at least two counted orders in the period.
    public var repeatCustomers: Int
    /// repeatCustomers / orderingCustomers (a fraction, 0…1).
    public var repeatCustomerRate: Double?
    /// Net revenue of the period's counted orders, minor units.
    public var netRevenueMinor: Int64
    /// Net revenue of the period's orders placed by its repeat customers, minor units.
    public var repeatCustomerRevenueMinor: Int64
    /// repeatCustomerRevenue / netRevenue (a fraction, 0…1).
    public var repeatCustomerRevenueShare: Double?
    /// AOV = net revenue / orders, rounded half-to-even to whole minor units.
    public var averageOrderValueMinor: Int64?
    /// Purchase frequency = orders / orderingCustomers (orders per customer in the period).
    public var purchaseFrequency: Double?
    /// Expected customer lifespan in periods of this length: 1 / churn fraction.
    public var customerLifespanPeriods: Double?
    /// Simple CLV = AOV × purchase frequency × lifespan (with the unrounded AOV, i.e. net revenue per ordering
    /// customer × lifespan), rounded half-to-even to whole minor units.
    public var simpleCustomerLifetimeValueMinor: Int64?
    /// Simple CLV / CAC, when a CAC was configured.
    public var clvToCACRatio: Double?
}
