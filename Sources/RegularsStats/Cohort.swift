/// The customers acquired (first counted order) in one calendar period.
public struct Cohort: Sendable, Hashable, Codable {
    /// First day of the acquisition period, in the table's time zone.
    public var start: EpochDay
    /// Number of customers acquired in the period.
    public var customers: Int
    /// Periods 0, 1, … up to the period containing the table's as-of instant.
    public var periods: [CohortPeriod]

    public init(start: EpochDay, customers: Int, periods: [CohortPeriod]) {
        self.start = start
        self.customers = customers
        self.periods = periods
    }
}
