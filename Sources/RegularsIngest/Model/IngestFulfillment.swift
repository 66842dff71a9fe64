import Foundation

/// A shipment of (part of) an order, for delivery-triggered messages.
public struct IngestFulfillment: Sendable, Equatable, Hashable, Codable {
    public var source: IngestSource
    public var externalID: String
    public var orderExternalID: String
    /// The source's status word (Shopify: `pending`, `open`, `success`, `cancelled`, `error`, `failure`).
    public var status: String
    /// The carrier's latest shipment status (`in_transit`, `delivered`…), when reported.
    public var shipmentStatus: String?
    public var trackingNumbers: [String]
    public var trackingURLs: [String]
    public var carrier: String?
    public var lineExternalIDs: [String]
    public var createdAt: Date?
    public var updatedAt: Date

    public init(
        source: IngestSource, externalID: String, orderExternalID: String, status: String,
        shipmentStatus: String? = nil, trackingNumbers: [String] = [], trackingURLs: [String] = [],
        carrier: String? = nil, lineExternalIDs: [String] = [], createdAt: Date? = nil, updatedAt: Date
    ) {
        self.source = source
        self.externalID = externalID
        self.orderExternalID = orderExternalID
        self.status = status
        self.shipmentStatus = shipmentStatus
        self.trackingNumbers = trackingNumbers
        self.trackingURLs = trackingURLs
        self.carrier = carrier
        self.lineExternalIDs = lineExternalIDs
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
