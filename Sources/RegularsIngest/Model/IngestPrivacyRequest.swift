import RegularsCore

/// A privacy request naming whom and what it concerns.
public struct IngestPrivacyRequest: Sendable, Equatable, Hashable, Codable {
    public var kind: IngestPrivacyRequestKind
    public var shopID: String?
    public var shopDomain: String?
    public var customerExternalID: String?
    public var email: EmailAddress?
    /// The phone as the source wrote it (matching may need more than E.164 numbers).
    public var phone: String?
    /// Orders concerned: `orders_to_redact` or `orders_requested`.
    public var orderExternalIDs: [String]
    /// The data request's id (`data_request.id`), for the merchant's reference.
    public var dataRequestID: String?

    public init(
        kind: IngestPrivacyRequestKind, shopID: String? = nil, shopDomain: String? = nil,
        customerExternalID: String? = nil, email: EmailAddress? = nil, phone: String? = nil,
        orderExternalIDs: [String] = [], dataRequestID: String? = nil
    ) {
        self.kind = kind
        self.shopID = shopID
        self.shopDomain = shopDomain
        self.customerExternalID = customerExternalID
        self.email = email
        self.phone = phone
        self.orderExternalIDs = orderExternalIDs
        self.dataRequestID = dataRequestID
    }
}
