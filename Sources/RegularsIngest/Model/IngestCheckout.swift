import Foundation
import RegularsCore

/// A started (possibly abandoned) checkout, for abandoned-cart flows.
public struct IngestCheckout: Sendable, Equatable, Hashable, Codable {
    public var source: IngestSource
    /// The checkout's stable key: Shopify `token`, Segment `checkout_id` (or `cart_id`/`order_id`).
    public var token: String
    public var customer: IngestCustomer?
    public var email: EmailAddress?
    public var currency: CurrencyCode
    /// What the customer would pay: the checkout's total.
    public var valueMinor: Int64
    public var recoveryURL: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// When the checkout became an order; `nil` while it is open.
    public var completedAt: Date?
    public var lines: [IngestOrderLine]

    public init(
        source: IngestSource, token: String, customer: IngestCustomer? = nil, email: EmailAddress? = nil,
        currency: CurrencyCode, valueMinor: Int64, recoveryURL: String? = nil, createdAt: Date, updatedAt: Date,
        completedAt: Date? = nil, lines: [IngestOrderLine] = []
    ) {
        self.source = source
        self.token = token
        self.customer = customer
        self.email = email
        self.currency = currency
        self.valueMinor = valueMinor
        self.recoveryURL = recoveryURL
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.lines = lines
    }
}
