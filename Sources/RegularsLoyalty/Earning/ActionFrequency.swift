/// How often an action earns points. Periods are local to the store's time zone (birthdays: the shopper's).
public enum ActionFrequency: String, Hashable, Sendable, Codable, CaseIterable {
    /// Once per shopper, ever (account created, first order, newsletter sign-up).
    case onceEver = "once_ever"
    /// Once per calendar year.
    case oncePerYear = "once_per_year"
    /// Once per calendar month.
    case oncePerMonth = "once_per_month"
    /// Once per local day.
    case oncePerDay = "once_per_day"
    /// Once per subject: each product reviewed, each survey answered, each network followed, each friend referred.
    case oncePerSubject = "once_per_subject"
}
