import RegularsCore

/// Why an action earns nothing. Nothing is appended.
public enum ActionRefusal: Error, Hashable, Sendable {
    /// The merchant does not reward this action.
    case notConfigured(LoyaltyAction)
    /// A once-per-subject action without its subject.
    case missingSubject(LoyaltyAction)
    /// A birthday reward without the shopper's birthday or time zone.
    case missingBirthday
    /// Today (in the shopper's time zone) is not the celebration date.
    case notBirthday(today: LocalDate, celebration: LocalDate)
}
