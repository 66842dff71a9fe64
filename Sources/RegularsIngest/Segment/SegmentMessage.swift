import Foundation
import RegularsCore

/// One Segment/RudderStack tracking call, decoded from its envelope with timestamps resolved.
public struct SegmentMessage: Sendable, Equatable {
    public var type: SegmentMessageType
    /// `messageId`, or `derived-<FNV-1a of the message>` when the sender gave none (stable across retries).
    public var messageID: String
    public var messageIDWasDerived: Bool
    public var userID: String?
    public var anonymousID: String?
    /// `event` of a track call, as sent.
    public var event: String?
    /// `name` of a page or screen call.
    public var name: String?
    /// `previousId` of an alias call.
    public var previousID: String?
    /// `groupId` of a group call.
    public var groupID: String?
    /// `properties` (an object; `{}` when absent).
    public var properties: JSONValue
    /// `context.traits` overlaid with top-level `traits` (RudderStack puts identify traits in the context).
    public var traits: JSONValue
    /// `context`, when sent.
    public var context: JSONValue?
    /// `writeKey` from the message or its batch (analytics.js puts it in the body).
    public var writeKey: String?
    /// The device's time of the event: `originalTimestamp`, else `timestamp`.
    public var originalTimestamp: Date?
    /// When the device sent the message (`sentAt` of the message or its batch).
    public var sentAt: Date?
    public var receivedAt: Date
    /// When the event happened, corrected for the device's clock skew; see ``correctedTimestamp(original:sentAt:receivedAt:)``.
    public var occurredAt: Date
    /// Size of the message as compact JSON.
    public var byteCount: Int

    public init(
        type: SegmentMessageType, messageID: String, messageIDWasDerived: Bool = false, userID: String? = nil,
        anonymousID: String? = nil, event: String? = nil, name: String? = nil, previousID: String? = nil,
        groupID: String? = nil, properties: JSONValue = .object([:]), traits: JSONValue = .object([:]),
        context: JSONValue? = nil, writeKey: String? = nil, originalTimestamp: Date? = nil, sentAt: Date? = nil,
        receivedAt: Date, occurredAt: Date, byteCount: Int = 0
    ) {
        self.type = type
        self.messageID = messageID
        self.messageIDWasDerived = messageIDWasDerived
        self.userID = userID
        self.anonymousID = anonymousID
        self.event = event
        self.name = name
        self.previousID = previousID
        self.groupID = groupID
        self.properties = properties
        self.traits = traits
        self.context = context
        self.writeKey = writeKey
        self.originalTimestamp = originalTimestamp
        self.sentAt = sentAt
        self.receivedAt = receivedAt
        self.occurredAt = occurredAt
        self.byteCount = byteCount
    }

    /// Segment's clock-skew correction: a device whose clock is off stamps both the event (`originalTimestamp`) and
    /// the send (`sentAt`) with the same error, so `receivedAt − (sentAt − originalTimestamp)` is the event time on
    /// the server's clock. Without `sentAt` the device time is used as is; without either, `receivedAt`.
    public static func correctedTimestamp(original: Date?, sentAt: Date?, receivedAt: Date) -> Date {
        guard let original else { return receivedAt }
        guard let sentAt else { return original }
        return receivedAt.addingTimeInterval(-sentAt.timeIntervalSince(original))
    }

    /// Decodes one message object (a single-call body or an element of `batch`).
    /// - Parameters:
    ///   - defaultType: the type implied by the endpoint (`/v1/t` → track) when the body has no `type`.
    ///   - batchSentAt, batchWriteKey: the batch envelope's values, used when the message has none.
    public static func decode(
        _ json: JSONValue, defaultType: SegmentMessageType? = nil, batchSentAt: Date? = nil,
        batchWriteKey: String? = nil, receivedAt: Date, options: IngestOptions
    ) throws(IngestError) -> SegmentMessage {
        let root = JSONCursor(json)
        try root.object()
        var type = defaultType
        if let text = try root["type"].optionalString() {
            guard let parsed = SegmentMessageType(rawValue: text.lowercased()) else {
                throw root["type"].invalid(
                    "unknown type '\(text)' (expected track, identify, page, screen, alias or group)")
            }
            type = parsed
        }
        guard let type else { throw root["type"].missing() }

        let userID = try root.first("userId", "user_id").optionalIdentifier()
        let anonymousID = try root.first("anonymousId", "anonymous_id").optionalIdentifier()
        guard userID != nil || anonymousID != nil else {
            throw root["userId"].missing("either userId or anonymousId is required")
        }
        var event: String?
        if type == .track {
            guard let name = try root["event"].optionalString() else { throw root["event"].missing() }
            event = name
        }
        var previousID: String?
        if type == .alias {
            guard let previous = try root.first("previousId", "previous_id").optionalIdentifier() else {
                throw root["previousId"].missing()
            }
            guard userID != nil else { throw root["userId"].missing("alias needs the new userId") }
            previousID = previous
        }
        let properties = try root["properties"].optionalObject() ?? [:]
        let context = try root["context"].optionalObject()
        var traits = try root["context"]["traits"].optionalObject() ?? [:]
        for (key, value) in try root["traits"].optionalObject() ?? [:] { traits[key] = value }

        let timestamp = try root["timestamp"].optionalDate(options, checkFuture: false)
        var original = try root["originalTimestamp"].optionalDate(options, checkFuture: false)
        if original == nil { original = timestamp }
        var sentAt = try root["sentAt"].optionalDate(options, checkFuture: false)
        if sentAt == nil { sentAt = batchSentAt }
        let occurredAt = correctedTimestamp(original: original, sentAt: sentAt, receivedAt: receivedAt)
        try Validation.notInFuture(
            occurredAt, options: options, field: root["timestamp"].field,
            text: "the skew-corrected event time \(occurredAt)")

        let canonical = json.jsonText
        var messageID = try root["messageId"].optionalIdentifier()
        let derived = messageID == nil
        if messageID == nil { messageID = "derived-" + FNV1a.hex(canonical) }
        var writeKey = try root["writeKey"].optionalString()
        if writeKey == nil { writeKey = batchWriteKey }
        var name = try root["name"].optionalString()
        if name == nil, type == .page || type == .screen { name = properties["name"]?.stringValue }

        return SegmentMessage(
            type: type, messageID: messageID ?? "", messageIDWasDerived: derived, userID: userID,
            anonymousID: anonymousID, event: event, name: name, previousID: previousID,
            groupID: try root["groupId"].optionalIdentifier(), properties: .object(properties),
            traits: .object(traits), context: context.map { .object($0) }, writeKey: writeKey,
            originalTimestamp: original, sentAt: sentAt, receivedAt: receivedAt, occurredAt: occurredAt,
            byteCount: canonical.utf8.count)
    }
}
