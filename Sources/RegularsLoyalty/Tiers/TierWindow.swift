/// The period qualifying activity is summed over, in the store's time zone.
public enum TierWindow: String, Hashable, Sendable, Codable, CaseIterable {
    /// The 12 calendar months up to the instant (exclusive of the instant 12 months before). A tier reached or
    /// confirmed is reviewed 12 months later.
    case rolling12Months = "rolling_12_months"
    /// The calendar year so far. Tiers are reviewed when a year ends, against that year's total.
    case calendarYear = "calendar_year"
}
