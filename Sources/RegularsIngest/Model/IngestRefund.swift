import Foundation
import RegularsCore

/// Money returned on an order. ``amountMinor`` is authoritative for revenue; the lines say what was returned.
public struct IngestRefund: Sendable, Equatable, Hashable, Codable {
    public var source: IngestSource
    public var externalID: String
    public var orderExternalID: String
    public var createdAt: Date
    public var currency: CurrencyCode
    /// The amount refunded, or `nil` for "the whole remaining order" (a Segment `Order Refunded` carrying only
    /// `order_id`): the server computes it from the stored order.
    public var amountMinor: Int64?
    /// The amount in the shop's base currency, when the payload carries it.
    public var baseAmountMinor: Int64?
    public var lines: [IngestRefundLine]
    public var reason: String?

    public init(
        source: IngestSource, externalID: String, orderExternalID: String, createdAt: Date, currency: CurrencyCode,
        amountMinor: Int64?, baseAmountMinor: Int64? = nil, lines: [IngestRefundLine] = [], reason: String? = nil
    ) {
        self.source = source
        self.externalID = externalID
        self.orderExternalID = orderExternalID
        self.createdAt = createdAt
        self.currency = currency
        self.amountMinor = amountMinor
        self.baseAmountMinor = baseAmountMinor
        self.lines = lines
        self.reason = reason
    }
}
