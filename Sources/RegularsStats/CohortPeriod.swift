/// One cell of a cohort table: a cohort in its k-th period since acquisition.
public struct CohortPeriod: Sendable, Hashable, Codable {
    /// Periods since the acquisition period (0 = the period of the first order).
    public var index: Int
    /// Cohort customers with at least one counted order in this period.
    public var activeCustomers: Int
    /// activeCustomers / cohort size (a fraction; 1 in period 0).
    public var retention: Double
    /// Net revenue of the cohort's orders in this period, minor units.
    public var revenueMinor: Int64
    /// Net revenue of the cohort up to and including this period, minor units.
    public var cumulativeRevenueMinor: Int64
    /// revenueMinor / cohort size, rounded half-to-even.
    public var revenuePerCustomerMinor: Int64
    /// cumulativeRevenueMinor / cohort size, rounded half-to-even.
    public var cumulativeRevenuePerCustomerMinor: Int64

    public init(
        index: Int, activeCustomers: Int, retention: Double, revenueMinor: Int64, cumulativeRevenueMinor: Int64,
        revenuePerCustomerMinor: Int64, cumulativeRevenuePerCustomerMinor: Int64
    ) {
        self.index = index
        self.activeCustomers = activeCustomers
        self.retention = retention
        self.revenueMinor = revenueMinor
        self.cumulativeRevenueMinor = cumulativeRevenueMinor
        self.revenuePerCustomerMinor = revenuePerCustomerMinor
        self.cumulativeRevenuePerCustomerMinor = cumulativeRevenuePerCustomerMinor
    }
}
