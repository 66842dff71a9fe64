import Foundation
import RegularsCore

/// What a source says about a customer. Every field is optional except the identities the server resolves on;
/// `nil` means "not reported" (leave what is stored), never "clear".
public struct IngestCustomer: Sendable, Equatable, Hashable, Codable {
    /// Identifiers to resolve or merge the customer on, most specific first (see docs/ingestion.md).
    public var identities: [IngestIdentity]
    public var email: EmailAddress?
    /// Only numbers in international form; local numbers such as `555-555-5555` are dropped.
    public var phone: PhoneNumber?
    public var firstName: String?
    public var lastName: String?
    public var birthday: Birthday?
    /// The BCP 47 tag the source reported (`en`, `fr-CA`); see ``supportedLocale``.
    public var locale: String?
    /// An IANA time-zone identifier (`America/Toronto`), validated.
    public var timeZoneIdentifier: String?
    public var tags: [String]
    public var consents: [IngestConsent]
    public var address: IngestAddress?
    /// The source's last-modified time of this customer, to ignore out-of-order deliveries.
    public var sourceUpdatedAt: Date?

    public init(
        identities: [IngestIdentity], email: EmailAddress? = nil, phone: PhoneNumber? = nil, firstName: String? = nil,
        lastName: String? = nil, birthday: Birthday? = nil, locale: String? = nil, timeZoneIdentifier: String? = nil,
        tags: [String] = [], consents: [IngestConsent] = [], address: IngestAddress? = nil,
        sourceUpdatedAt: Date? = nil
    ) {
        self.identities = identities
        self.email = email
        self.phone = phone
        self.firstName = firstName
        self.lastName = lastName
        self.birthday = birthday
        self.locale = locale
        self.timeZoneIdentifier = timeZoneIdentifier
        self.tags = tags
        self.consents = consents
        self.address = address
        self.sourceUpdatedAt = sourceUpdatedAt
    }

    /// The page language to use for this customer, from the primary subtag of ``locale``.
    public var supportedLocale: SupportedLocale? {
        guard let locale else { return nil }
        let primary = locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        return SupportedLocale(rawValue: String(primary))
    }

    /// The value of the first identity from `source`.
    public func identity(_ source: IdentitySource) -> String? {
        identities.first { $0.source == source }?.value
    }
}
