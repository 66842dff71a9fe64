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
        // The whole batch in one transaction: one commit instead of one per message. A message the writers refuse
        // (a refund of an unknown order, say) rolls that back, and the batch is then stored message by message so
        // only that one is refused.
        if interpretations.count > 1,
            let stored = try? await services.database.write({ sql in
                var stored: [Bool] = []
                for interpretation in interpretations {
                    stored.append(try await Self.store(interpretation, baseCurrency: baseCurrency, on: sql))
                }
                return stored
            })
        {
            accepted += stored.filter { $0 }.count
            duplicates += stored.filter { !$0 }.count
            return Accepted(success: true, accepted: accepted, duplicates: duplicates, rejected: rejected)
        }
        for interpretation in interpretations {
            do {
                let stored = try await services.database.write { sql in
                    try await Self.store(interpretation, baseCurrency: baseCurrency, on: sql)
                }
                if stored { accepted += 1 } else { duplicates += 1 }
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

    /// Stores one message; `false` when its `messageId` was stored before (a retry), changing nothing.
    static func store(_ interpretation: SegmentInterpretation, baseCurrency: CurrencyCode, on sql: any SQLDatabase)
        async throws -> Bool
    {
        let event = interpretation.event
        let fresh = try await sql.raw(
            """
            INSERT INTO events (message_id, type, anonymous_id, properties, occurred_at, received_at, source)
            VALUES (\(bind: event.messageID), \(bind: event.name ?? event.type.rawValue), \(bind: event.anonymousID),
                \(bind: event.propertiesJSON), \(bind: Instant(event.occurredAt).milliseconds),
                \(bind: Instant(event.receivedAt).milliseconds), 'segment')
            ON CONFLICT (message_id) DO NOTHING RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self)
        guard let eventID = fresh else { return false }
        let writer = IngestWriter(sql: sql, baseCurrency: baseCurrency)
        var customerID: Int64?
        switch interpretation.effect {
        case .none:
            if event.userID != nil || event.email != nil {
                var identities: [IngestIdentity] = []
                if let user = event.userID { identities.append(IngestIdentity(.segmentUserID, user)) }
                if let anonymous = event.anonymousID {
                    identities.append(IngestIdentity(.anonymousID, anonymous))
                }
                customerID = try await writer.customerID(
                    for: IngestCustomer(identities: identities, email: event.email), email: event.email)
            }
        case .customer(let customer):
            customerID = try await writer.customerID(for: customer, email: customer.email)
        case .alias(let alias):
            customerID = try await writer.customerID(
                for: IngestCustomer(identities: [
                    IngestIdentity(.segmentUserID, alias.userID),
                    IngestIdentity(.anonymousID, alias.previousID),
                    IngestIdentity(.segmentUserID, alias.previousID),
                ]), email: nil)
        case .order(let order):
            let (outcome, resolved) = try await writer.applyReturningCustomer(order)
            switch outcome {
            case .created, .updated: customerID = resolved
            case .unchanged(let id):
                customerID =
                    try await sql.raw("SELECT customer_id FROM orders WHERE id = \(bind: id)")
                    .first(decodingColumn: "customer_id", as: Int64?.self) ?? nil
            }
        case .orderCancelled(let cancellation):
            try await writer.cancelOrder(source: "segment", externalID: cancellation.orderExternalID)
        case .refund(let refund):
            _ = try await writer.apply(refund)
        case .checkout(let checkout):
            try await writer.apply(checkout)
        }
        if let customerID {
            try await sql.raw("UPDATE events SET customer_id = \(bind: customerID) WHERE id = \(bind: eventID)").run()
            if let anonymous = event.anonymousID {
                // The visitor's earlier anonymous browsing joins the customer it turned out to be.
                try await sql.raw(
                    """
                    UPDATE events SET customer_id = \(bind: customerID)
                    WHERE anonymous_id = \(bind: anonymous) AND customer_id IS NULL
                    """
                ).run()
            }
        }
        return true
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
