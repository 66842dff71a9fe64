import Foundation
import RegularsCore

/// One behavioural event (a Segment/RudderStack call), stored as received with its canonical name.
public struct IngestEvent: Sendable, Equatable, Hashable, Codable {
    public var source: IngestSource
    /// The sender's `messageId` (the de-duplication key), or a digest of the message when it sent none.
    public var messageID: String
    public var type: SegmentMessageType
    /// For `track`: the canonical e-commerce v2 name when the event is one (v1 aliases and case variants
    /// normalised), else the name as sent. For `page`/`screen`: the page name. `nil` otherwise.
    public var name: String?
    /// The event name exactly as sent, when normalisation changed it.
    public var originalName: String?
    public var userID: String?
    public var anonymousID: String?
    /// An email found in `context.traits`, `traits` or `properties`, normalised.
    public var email: EmailAddress?
    /// `properties` (track/page/screen) or `traits` (identify/group) as compact JSON with numbers kept exact.
    public var propertiesJSON: String
    /// `context` as compact JSON, when sent.
    public var contextJSON: String?
    /// When the event happened, corrected for the device's clock skew (see docs/ingestion.md).
    public var occurredAt: Date
    /// When our server received it.
    public var receivedAt: Date
    public var sentAt: Date?
    /// The device's own timestamp before correction.
    public var originalTimestamp: Date?

    public init(
        source: IngestSource = .segment, messageID: String, type: SegmentMessageType, name: String? = nil,
        originalName: String? = nil, userID: String? = nil, anonymousID: String? = nil, email: EmailAddress? = nil,
        propertiesJSON: String = "{}", contextJSON: String? = nil, occurredAt: Date, receivedAt: Date,
        sentAt: Date? = nil, originalTimestamp: Date? = nil
    ) {
        self.source = source
        self.messageID = messageID
        self.type = type
        self.name = name
        self.originalName = originalName
        self.userID = userID
        self.anonymousID = anonymousID
        self.email = email
        self.propertiesJSON = propertiesJSON
        self.contextJSON = contextJSON
        self.occurredAt = occurredAt
        self.receivedAt = receivedAt
        self.sentAt = sentAt
        self.originalTimestamp = originalTimestamp
    }
}
