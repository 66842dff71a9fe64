/// Length of a cohort period.
public enum CohortGranularity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Calendar months.
    case month
    /// Calendar weeks starting on the configured first weekday.
    case week
}
