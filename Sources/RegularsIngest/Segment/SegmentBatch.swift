import Foundation

/// A tracking API body: a `/v1/batch` envelope (`{"batch": […], "sentAt", "writeKey"}`) or a single call
/// (`/v1/track`, analytics.js's `/v1/t`…, same JSON). Messages that fail validation are collected as
/// ``rejections`` (field paths under `batch[i]`) while the others are accepted, as Segment does.
public struct SegmentBatch: Sendable, Equatable {
    public var writeKey: String?
    public var sentAt: Date?
    public var messages: [SegmentMessage]
    public var rejections: [IngestError]

    public init(
        writeKey: String? = nil, sentAt: Date? = nil, messages: [SegmentMessage], rejections: [IngestError] = []
    ) {
        self.writeKey = writeKey
        self.sentAt = sentAt
        self.messages = messages
        self.rejections = rejections
    }

    /// Decodes a body (already decompressed when sent with `Content-Encoding: gzip`).
    /// - Parameter endpointType: the type of a single-call endpoint (`/v1/t` → `.track`); `nil` for `/v1/batch`
    ///   or when the body names its type.
    /// - Throws: for bodies that are not JSON objects, oversized bodies, and single calls that fail validation.
    public static func decode(
        body: some Collection<UInt8>, endpointType: SegmentMessageType? = nil, receivedAt: Date,
        options: IngestOptions
    ) throws(IngestError) -> SegmentBatch {
        let json = try JSONValue.parse(body)
        let root = JSONCursor(json)
        try root.object()
        let isBatch = try root["batch"].optional() != nil
        if let violation = SegmentSizeLimit.classify(bodyByteCount: body.count, isBatch: isBatch) {
            throw violation.error
        }
        let writeKey = try root["writeKey"].optionalString()
        guard isBatch else {
            let message = try SegmentMessage.decode(
                json, defaultType: endpointType, receivedAt: receivedAt, options: options)
            return SegmentBatch(writeKey: writeKey, sentAt: message.sentAt, messages: [message])
        }
        let sentAt = try root["sentAt"].optionalDate(options, checkFuture: false)
        var messages: [SegmentMessage] = []
        var rejections: [IngestError] = []
        for element in try root["batch"].elements() {
            let prefix = element.field
            let value = element.value ?? .null
            if let violation = SegmentSizeLimit.classify(
                messageByteCount: value.jsonText.utf8.count, index: messages.count + rejections.count)
            {
                rejections.append(violation.error)
                continue
            }
            do {
                messages.append(
                    try SegmentMessage.decode(
                        value, batchSentAt: sentAt, batchWriteKey: writeKey, receivedAt: receivedAt,
                        options: options))
            } catch {
                rejections.append(error.nested(under: prefix))
            }
        }
        return SegmentBatch(writeKey: writeKey, sentAt: sentAt, messages: messages, rejections: rejections)
    }
}
