import Foundation

/// A synthetic customer. Names are written in the script of `locale` ("en", "ar" or "zh").
public struct DemoCustomer: Sendable, Equatable {
    /// Stable identifier, e.g. "demo-c-00001", numbered in `createdAt` order.
    public var externalID: String
    /// Unique lowercase ASCII address on a reserved example domain.
    public var email: String
    /// E.164 phone number, or `nil` when the customer gave none.
    public var phone: String?
    public var firstName: String
    public var lastName: String
    /// "en", "ar" or "zh".
    public var locale: String
    /// IANA time zone.
    public var timeZone: String
    /// ISO 3166-1 alpha-2 country code matching `timeZone` and `phone`.
    public var countryCode: String
    public var birthMonth: Int?
    public var birthDay: Int?
    public var birthYear: Int?
    public var createdAt: Date
    public var emailConsent: Bool
    public var smsConsent: Bool
    public var whatsappConsent: Bool
    /// Sorted subset of "newsletter", "vip", "wholesale".
    public var tags: [String]
    /// Unique six-character code other customers use in "/?ref=CODE" landing sites.
    public var referralCode: String

    public init(
        externalID: String, email: String, phone: String?, firstName: String, lastName: String, locale: String,
        timeZone: String, countryCode: String, birthMonth: Int?, birthDay: Int?, birthYear: Int?, createdAt: Date,
        emailConsent: Bool, smsConsent: Bool, whatsappConsent: Bool, tags: [String], referralCode: String
    ) {
        self.externalID = externalID
        self.email = email
        self.phone = phone
        self.firstName = firstName
        self.lastName = lastName
        self.locale = locale
        self.timeZone = timeZone
        self.countryCode = countryCode
        self.birthMonth = birthMonth
        self.birthDay = birthDay
        self.birthYear = birthYear
        self.createdAt = createdAt
        self.emailConsent = emailConsent
        self.smsConsent = smsConsent
        self.whatsappConsent = whatsappConsent
        self.tags = tags
        self.referralCode = referralCode
    }
}
