import Foundation
import RegularsCore
import RegularsIngest
import SQLKit
import Vapor

/// The Segment/RudderStack HTTP tracking API (`/v1/batch`, `/v1/track`, … and analytics.js's short forms `/v1/t`,
/// `/v1/i`, `/v1/p`, `/v1/a`, `/v1/b`, which post `text/plain`). Authenticates with an ingest key as the HTTP Basic
/// user name or as `writeKey` in the body; gzip bodies are decompressed by the server. Each message is stored once
/// per `messageId`, with the order, refund, checkout or identity it carries, in one transaction.
struct SegmentController: RouteCollection {
    static let paths = [
        "batch", "b", "track", "t", "identify", "i", "page", "p", "screen", "s", "alias", "a", "group", "g",
    ]

    func boot(routes: any RoutesBuilder) throws {
        for path in Self.paths {
            routes.on(.POST, "v1", PathComponent(stringLiteral: path), body: .collect(maxSize: "512kb")) { request in
                try await self.receive(request, path: path)
            }
        }
    }

    struct Accepted: Content {
        var success: Bool
        var accepted: Int
        var duplicates: Int
        var rejected: Int
    }

    func receive(_ request: Request, path: String) async throws -> Accepted {
        let body = request.body.data.map { Data($0.readableBytesView) } ?? Data()
        let services = request.regulars
        let batch: SegmentBatch
        do {
            batch = try SegmentBatch.decode(
                body: body, endpointType: SegmentMessageType(shortPath: path), receivedAt: Date(),
                options: IngestOptions(now: Date()))
        } catch {
            throw Problem(error, title: "Invalid tracking call")
        }
        let key = request.headers.basicAuthorization?.username ?? batch.writeKey ?? batch.messages.first?.writeKey
        guard let key, try await services.apiKeys.authenticate(key) == .ingest else {
            await ShopifyWebhookController.refuse(
                request, source: "segment", topic: path, field: "writeKey",
                reason: key == nil ? "no write key was sent" : "the write key is unknown, revoked or not an ingest key")
            throw Problem(status: .unauthorized, detail: "Send an ingest key as the Basic user name or as writeKey")
        }
        var accepted = 0
        var duplicates = 0
        var rejected = batch.rejections.count
        for rejection in batch.rejections {
            try await Self.recordRejection(rejection, database: services.database)
        }
        let baseCurrency = services.configuration.store.baseCurrency
        var interpretations: [SegmentInterpretation] = []
        for message in batch.messages {
            do {
                interpretations.append(try message.interpret(options: IngestOptions(now: Date())))
            } catch {
                rejected += 1
                try await Self.recordRejection(error, database: services.database)
            }
        }
        // The whole batch in one transaction, as set operations (`SegmentBatchWriter`). A message the writers refuse
        // (a refund of an unknown order, say) rolls that back, and the batch is then stored message by message so
        // only that one is refused.
        if interpretations.count > 1,
            let stored = try? await services.database.write({ sql in
                try await SegmentBatchWriter(sql: sql, baseCurrency: baseCurrency).store(interpretations)
            })
        {
            accepted += stored.filter { $0 }.count
            duplicates += stored.filter { !$0 }.count
            return Accepted(success: true, accepted: accepted, duplicates: duplicates, rejected: rejected)
        }
        for interpretation in interpretations {
            do {
                let stored = try await services.database.write { sql in
                    try await SegmentBatchWriter(sql: sql, baseCurrency: baseCurrency).store([interpretation])
                }
                if stored[0] { accepted += 1 } else { duplicates += 1 }
            } catch let problem as Problem where batch.messages.count > 1 {
                rejected += 1
                try await Self.recordRejection(
                    IngestError(
                        .invalidValue, field: problem.invalidParams?.first?.name ?? "", reason: problem.detail ?? ""),
                    database: services.database)
            }
        }
        return Accepted(success: true, accepted: accepted, duplicates: duplicates, rejected: rejected)
    }

    static func recordRejection(_ error: IngestError, database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO ingest_rejections (source, topic, status, field, reason, received_at)
                VALUES ('segment', 'track', \(bind: error.httpStatus), \(bind: error.field), \(bind: error.reason),
                    \(bind: Instant.now.milliseconds))
                """
            ).run()
        }
    }
}
