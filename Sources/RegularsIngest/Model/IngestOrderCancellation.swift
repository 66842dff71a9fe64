import Foundation

/// An order cancelled without a full order payload (a Segment `Order Cancelled` carrying only `order_id`).
public struct IngestOrderCancellation: Sendable, Equatable, Hashable, Codable {
    public var source: IngestSource
    public var orderExternalID: String
    public var cancelledAt: Date
    public var reason: String?

    public init(source: IngestSource, orderExternalID: String, cancelledAt: Date, reason: String? = nil) {
        self.source = source
        self.orderExternalID = orderExternalID
        self.cancelledAt = cancelledAt
        self.reason = reason
    }
}
