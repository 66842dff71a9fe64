/// Where an order's payment stands, in Shopify's vocabulary (which the other sources are mapped onto).
public enum IngestFinancialStatus: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case pending
    case authorized
    case partiallyPaid = "partially_paid"
    case paid
    case partiallyRefunded = "partially_refunded"
    case refunded
    case voided
    case expired
    case failed
}
