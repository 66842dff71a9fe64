/// A shipping address as the referral checks compare it.
public struct PostalAddress: Hashable, Sendable, Codable {
    public var line1: String
    public var line2: String?
    public var city: String
    public var region: String?
    public var postalCode: String
    /// ISO 3166-1 alpha-2.
    public var country: String

    public init(
        line1: String, line2: String? = nil, city: String, region: String? = nil, postalCode: String, country: String
    ) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }
}
