import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct SegmentEnvelopeTests {
    @Test func pythonSDKBatchDecodesEveryMessageWithBatchSentAtAndWriteKey() throws {
        let receivedAt = Instant.utc("2024-05-01T12:00:05Z")

        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/python_batch.json"), receivedAt: receivedAt, options: Instant.options)

        #expect(batch.rejections.isEmpty)
        #expect(batch.writeKey == "wk_python_test")
        #expect(batch.sentAt == Instant.utc("2024-05-01T12:00:05Z"))
        #expect(batch.messages.map(\.type) == [.identify, .track, .track])
        #expect(batch.messages.map(\.messageID)[0] == "6f0c3b7e-1b8e-4a38-9d86-0a5a6b8c9e01")
        #expect(batch.messages.allSatisfy { $0.writeKey == "wk_python_test" })
        #expect(batch.messages[1].occurredAt == Instant.utc("2024-05-01T12:00:00Z"))
        #expect(batch.messages[2].anonymousID == "a1b2c3d4-anon")
    }

    @Test func clockSkewIsCorrectedByReceivedAtMinusSentAt() throws {
        // The device clock is 10 minutes slow: it stamped the event 12:00:00 and the send 12:00:05,
        // and the server received the batch at 12:10:05.
        let receivedAt = Instant.utc("2024-05-01T12:10:05Z")

        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/python_batch.json"), receivedAt: receivedAt, options: Instant.options)

        #expect(batch.messages[1].originalTimestamp == Instant.utc("2024-05-01T12:00:00Z"))
        #expect(batch.messages[1].occurredAt == Instant.utc("2024-05-01T12:10:00Z"))
        #expect(
            SegmentMessage.correctedTimestamp(
                original: Instant.utc("2024-05-01T12:00:00Z"), sentAt: nil, receivedAt: receivedAt)
                == Instant.utc("2024-05-01T12:00:00Z"))
    }

    @Test func invalidMessagesAreRejectedIndividuallyWithTheirBatchPath() throws {
        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/rudder_batch.json"), receivedAt: Instant.utc("2024-05-02T08:03:31Z"),
            options: Instant.options)

        #expect(batch.messages.map(\.messageID) == ["rs-0001", "rs-0002", "rs-0004"])
        #expect(
            batch.rejections == [IngestError(.missingField, field: "batch[2].event", reason: "this field is required")])
    }

    @Test func analyticsJSShortFormCarriesWriteKeyAndNormalisesV1Names() throws {
        let body = Fixture.bytes("segment/analytics_js_track.json")
        let receivedAt = Instant.utc("2024-05-03T09:15:01Z")

        let batch = try SegmentBatch.decode(
            body: body, endpointType: SegmentMessageType(shortPath: "/v1/t"), receivedAt: receivedAt,
            options: Instant.options)
        let interpretation = try batch.messages[0].interpret(options: Instant.options)

        #expect(batch.writeKey == "wk_browser_test")
        #expect(batch.messages[0].writeKey == "wk_browser_test")
        #expect(batch.messages[0].userID == nil)
        #expect(interpretation.effect == .none)
        #expect(interpretation.event.name == "Product Viewed")
        #expect(interpretation.event.originalName == "Viewed Product")
        #expect(interpretation.event.messageID == "ajs-next-3b1d6e0c5f7a9b2d4e6f8a0c1e3d5b7f")
        // Numbers are kept as written: 25.99 never becomes 25.989999999999998.
        #expect(
            interpretation.event.propertiesJSON
                == #"{"currency":"EUR","name":"Monopoly: 3rd Edition","price":25.99,"product_id":"507f1f77bcf86cd799439011","value":25.99}"#
        )
        // 09:15:01 received − (09:15:00.180 sent − 09:15:00.123 stamped) = 09:15:00.943.
        let expected = Instant.utc("2024-05-03T09:15:00.943Z")
        #expect(abs(interpretation.event.occurredAt.timeIntervalSince(expected)) < 0.000_5)
    }

    @Test func typeComesFromTheEndpointWhenTheBodyHasNone() throws {
        let body = Array(#"{"event": "Cart Viewed", "anonymousId": "x", "properties": {"cart_id": "c1"}}"#.utf8)

        let batch = try SegmentBatch.decode(
            body: body, endpointType: .track, receivedAt: Instant.testNow, options: Instant.options)

        #expect(batch.messages.first?.type == .track)
        #expect(batch.messages.first?.occurredAt == Instant.testNow)
    }

    @Test(arguments: [("/v1/t", SegmentMessageType.track), ("/v1/i", .identify), ("/v1/p", .page), ("/v1/a", .alias)])
    func shortPathsMapToTypes(path: String, type: SegmentMessageType) {
        #expect(SegmentMessageType(shortPath: path) == type)
    }

    @Test func messagesNeedAUserIdOrAnAnonymousId() {
        let body = Array(#"{"type": "track", "event": "Cart Viewed", "properties": {}}"#.utf8)

        let error = ingestError { () throws(IngestError) in
            try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)
        }

        #expect(
            error == IngestError(.missingField, field: "userId", reason: "either userId or anonymousId is required"))
    }

    @Test func numericUserIdsKeepTheirDigits() throws {
        let body = Array(#"{"type": "identify", "userId": 9007199254740993, "traits": {}}"#.utf8)

        let batch = try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)

        #expect(batch.messages.first?.userID == "9007199254740993")  // 2^53 + 1: not representable as a Double
    }

    @Test func missingMessageIdIsDerivedDeterministically() throws {
        let body = Array(
            #"{"type": "track", "event": "Cart Viewed", "anonymousId": "x", "timestamp": "2024-05-01T00:00:00Z"}"#.utf8)

        let first = try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)
        let retry = try SegmentBatch.decode(
            body: body, receivedAt: Instant.testNow.addingTimeInterval(30), options: Instant.options)

        #expect(first.messages[0].messageIDWasDerived)
        #expect(first.messages[0].messageID.hasPrefix("derived-"))
        #expect(first.messages[0].messageID == retry.messages[0].messageID)
    }

    @Test func eventTimesInTheFutureAreRejectedAfterSkewCorrection() {
        let body = Array(
            #"{"type": "track", "event": "Cart Viewed", "anonymousId": "x", "timestamp": "2024-06-05T00:00:00Z"}"#.utf8)
        let skewedButCorrectable = Array(
            #"{"type": "track", "event": "Cart Viewed", "anonymousId": "x", "timestamp": "2024-06-05T00:00:00Z", "sentAt": "2024-06-05T00:00:01Z"}"#
                .utf8)

        let error = ingestError { () throws(IngestError) in
            try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)
        }
        let corrected = ingestError { () throws(IngestError) in
            try SegmentBatch.decode(body: skewedButCorrectable, receivedAt: Instant.testNow, options: Instant.options)
        }

        #expect(error?.kind == .futureDate)
        #expect(error?.field == "timestamp")
        #expect(corrected == nil)
    }

    @Test func unknownTypeIsNamed() {
        let body = Array(#"{"type": "purchase", "userId": "u"}"#.utf8)

        let error = ingestError { () throws(IngestError) in
            try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)
        }

        #expect(error?.kind == .invalidValue)
        #expect(error?.field == "type")
    }

    @Test func sizeLimitsAreClassified() {
        #expect(SegmentSizeLimit.classify(bodyByteCount: 500 * 1024, isBatch: true) == nil)
        #expect(
            SegmentSizeLimit.classify(bodyByteCount: 500 * 1024 + 1, isBatch: true)
                == .batchTooLarge(bytes: 500 * 1024 + 1, limit: 500 * 1024))
        #expect(SegmentSizeLimit.classify(bodyByteCount: 32 * 1024, isBatch: false) == nil)
        #expect(
            SegmentSizeLimit.classify(bodyByteCount: 40_000, isBatch: false)
                == .messageTooLarge(bytes: 40_000, limit: 32 * 1024, index: nil))
        #expect(SegmentSizeViolation.batchTooLarge(bytes: 1, limit: 0).error.httpStatus == 413)
    }

    @Test func oversizedMessagesInsideABatchAreRejectedAlone() throws {
        let padding = String(repeating: "x", count: 33 * 1024)
        let body = Array(
            #"{"batch": [{"type": "track", "event": "Big", "anonymousId": "a", "properties": {"blob": "\#(padding)"}}, {"type": "track", "event": "Small", "anonymousId": "a"}]}"#
                .utf8)

        let batch = try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)

        #expect(batch.messages.map(\.event) == ["Small"])
        #expect(batch.rejections.map(\.field) == ["batch[0]"])
        #expect(batch.rejections.map(\.kind) == [.tooLarge])
    }

    @Test func oversizedSingleCallIsA413() {
        let padding = String(repeating: "x", count: 33 * 1024)
        let body = Array(
            #"{"type": "track", "event": "Big", "anonymousId": "a", "properties": {"blob": "\#(padding)"}}"#.utf8)

        let error = ingestError { () throws(IngestError) in
            try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)
        }

        #expect(error?.kind == .tooLarge)
        #expect(error?.httpStatus == 413)
    }

    @Test(arguments: [
        ("Order Completed", "Order Completed"), ("order_completed", "Order Completed"),
        ("Completed Order", "Order Completed"), ("Viewed Product", "Product Viewed"),
        ("Added Product", "Product Added"), ("Removed Product", "Product Removed"),
        ("Clicked Product", "Product Clicked"), ("Viewed Product Category", "Product List Viewed"),
        ("PRODUCT REVIEWED", "Product Reviewed"), ("coupon-applied", "Coupon Applied"), ("Signed Up", "Signed Up"),
    ])
    func eventNamesAreCanonicalised(sent: String, canonical: String) {
        #expect(SegmentEventName.canonical(sent) == canonical)
    }
}
