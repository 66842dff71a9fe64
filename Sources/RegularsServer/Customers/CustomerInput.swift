import RegularsCore

/// Profile facts a source reports about a customer; `nil` means "not reported", never "erase".
struct CustomerInput: Sendable {
    var email: EmailAddress?
    var phone: PhoneNumber?
    var firstName: String?
    var lastName: String?
    var birthday: Birthday?
    var locale: SupportedLocale?
    var timeZone: String?
    var tags: [String]?

    /// `true` when no fact is reported.
    var isEmpty: Bool {
        email == nil && phone == nil && firstName == nil && lastName == nil && birthday == nil && locale == nil
            && timeZone == nil && tags == nil
    }
}
