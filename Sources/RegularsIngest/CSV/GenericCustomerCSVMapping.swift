/// Which header columns of a generic customer CSV hold which values (matched case-insensitively, spaces trimmed).
/// One row is one customer. A row needs a customer id or an email; every other column is optional, and a column that
/// is absent from the header is simply not imported.
public struct GenericCustomerCSVMapping: Sendable, Equatable {
    public var customerID = "customer_id"
    public var email = "email"
    public var phone = "phone"
    public var firstName = "first_name"
    public var lastName = "last_name"
    /// `YYYY-MM-DD`, or `MM-DD` without the year.
    public var birthday = "birthday"
    /// A BCP 47 language tag (`en`, `ar-AE`).
    public var locale = "locale"
    /// An IANA time zone (`Asia/Dubai`).
    public var timeZone = "time_zone"
    /// Comma-separated tags.
    public var tags = "tags"
    /// yes/no, true/false, 1/0, subscribed/unsubscribed; blank reports nothing.
    public var emailConsent = "email_consent"
    public var smsConsent = "sms_consent"

    public init() {}

    /// The field names `set(_:column:)` accepts, as the command line spells them.
    public static let fieldNames = [
        "customer_id", "email", "phone", "first_name", "last_name", "birthday", "locale", "time_zone", "tags",
        "email_consent", "sms_consent",
    ]

    /// Maps `field` (one of ``fieldNames``) to the header `column`; `false` for an unknown field.
    public mutating func set(_ field: String, column: String) -> Bool {
        switch field.lowercased() {
        case "customer_id": customerID = column
        case "email": email = column
        case "phone": phone = column
        case "first_name": firstName = column
        case "last_name": lastName = column
        case "birthday": birthday = column
        case "locale": locale = column
        case "time_zone": timeZone = column
        case "tags": tags = column
        case "email_consent": emailConsent = column
        case "sms_consent": smsConsent = column
        default: return false
        }
        return true
    }
}
