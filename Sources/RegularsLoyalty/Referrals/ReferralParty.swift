/// One side of a referral, with the identities the fraud rules compare.
public struct ReferralParty: Hashable, Sendable, Codable {
    public var customerID: String
    public var email: String?
    public var phone: String?
    public var shippingAddress: PostalAddress?

    public init(customerID: String, email: String? = nil, phone: String? = nil, shippingAddress: PostalAddress? = nil) {
        self.customerID = customerID
        self.email = email
        self.phone = phone
        self.shippingAddress = shippingAddress
    }
}
