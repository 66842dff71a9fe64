/// A postal address as the source gave it (no normalisation beyond trimming; `countryCode` upper-cased).
public struct IngestAddress: Sendable, Equatable, Hashable, Codable {
    public var name: String?
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var region: String?
    public var postalCode: String?
    /// ISO 3166-1 alpha-2 when the source sends one (`US`), else the country as written.
    public var countryCode: String?
    /// The phone number as written on the address (often not in international form).
    public var phone: String?

    public init(
        name: String? = nil, line1: String? = nil, line2: String? = nil, city: String? = nil, region: String? = nil,
        postalCode: String? = nil, countryCode: String? = nil, phone: String? = nil
    ) {
        self.name = name
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.countryCode = countryCode
        self.phone = phone
    }

    /// `true` when no field is set.
    public var isEmpty: Bool {
        [name, line1, line2, city, region, postalCode, countryCode, phone].allSatisfy { $0 == nil }
    }
}
