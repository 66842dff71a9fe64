/// The period a per-advocate cap counts over, local to the store's time zone.
public enum ReferralCapPeriod: String, Hashable, Sendable, Codable, CaseIterable {
    case calendarMonth = "calendar_month"
    case calendarYear = "calendar_year"
}
