import Algorithms
import Foundation
import RegularsCore
import RegularsIngest
import SQLKit

/// Stores the messages of one tracking batch inside the caller's write transaction, with the same outcome as
/// storing them one after another, in a few set operations instead of a dozen statements per message:
///
/// - one multi-row `INSERT … ON CONFLICT (message_id) DO NOTHING RETURNING` stores the events: only the messages
///   it returns go on (exactly once per `messageId`, also within the batch);
/// - customers and orders go through an `OrderBatch`: identities read at once, new orders and their lines in
///   multi-row inserts, each touched customer's aggregates and rollups refreshed once, the loyalty settings read
///   once (with the programme on, each order earns at once, as before);
/// - events are linked to their customers by one `UPDATE` per flush.
///
/// Whatever depends on what came before is written first: buffered orders and links are flushed before a merge of
/// customers, a refund, a cancellation or a checkout.
final class SegmentBatchWriter {
    let sql: any SQLDatabase
    private let orders: OrderBatch
    private var links: [(eventID: Int64, customerID: Int64?, anonymousID: String?)] = []
    /// The link of each buffered order's event, by the order's ticket.
    private var orderLinks: [Int: Int] = [:]

    init(sql: any SQLDatabase, baseCurrency: CurrencyCode) {
        self.sql = sql
        self.orders = OrderBatch(sql: sql, baseCurrency: baseCurrency)
    }

    /// `false` for a message whose `messageId` was stored before (a retry), which changes nothing.
    func store(_ interpretations: [SegmentInterpretation]) async throws -> [Bool] {
        let eventIDs = try await insertEvents(interpretations.map(\.event))
        let fresh = zip(interpretations, eventIDs).compactMap { interpretation, id in id.map { (interpretation, $0) } }
        try await orders.prepare(customers: fresh.compactMap { Self.customer(of: $0.0) })
        for (interpretation, eventID) in fresh { try await apply(interpretation, eventID: eventID) }
        try await flush()
        try await orders.finish()
        return eventIDs.map { $0 != nil }
    }

    /// The new events' ids, in message order; `nil` for a message id stored before or earlier in the batch.
    private func insertEvents(_ events: [IngestEvent]) async throws -> [Int64?] {
        let rows: [[any Encodable & Sendable]] = events.map { event in
            [
                event.messageID, event.name ?? event.type.rawValue, event.anonymousID, event.propertiesJSON,
                Instant(event.occurredAt).milliseconds, Instant(event.receivedAt).milliseconds, "segment",
            ]
        }
        struct Row: Decodable { var id: Int64; var messageId: String }
        var stored = Dictionary(
            try await BulkInsert.insertReturning(
                into: "events",
                columns: ["message_id", "type", "anonymous_id", "properties", "occurred_at", "received_at", "source"],
                rows: rows, ignoringConflictsOn: ["message_id"], returning: ["id", "message_id"], on: sql
            ).map { row in
                let row = try row.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
                return (row.messageId, row.id)
            }, uniquingKeysWith: { first, _ in first })
        return events.map { stored.removeValue(forKey: $0.messageID) }
    }

    /// The customer facts a message resolves on, if any.
    private static func customer(of interpretation: SegmentInterpretation) -> (
        customer: IngestCustomer?, email: EmailAddress?
    )? {
        let event = interpretation.event
        switch interpretation.effect {
        case .none:
            guard event.userID != nil || event.email != nil else { return nil }
            var identities: [IngestIdentity] = []
            if let user = event.userID { identities.append(IngestIdentity(.segmentUserID, user)) }
            if let anonymous = event.anonymousID { identities.append(IngestIdentity(.anonymousID, anonymous)) }
            return (IngestCustomer(identities: identities, email: event.email), event.email)
        case .customer(let customer):
            return (customer, customer.email)
        case .alias(let alias):
            return (
                IngestCustomer(identities: [
                    IngestIdentity(.segmentUserID, alias.userID),
                    IngestIdentity(.anonymousID, alias.previousID),
                    IngestIdentity(.segmentUserID, alias.previousID),
                ]), nil
            )
        case .order(let order):
            guard order.customer != nil || order.email != nil else { return nil }
            return (order.customer, order.email)
        case .orderCancelled, .refund, .checkout:
            return nil
        }
    }

    private func apply(_ interpretation: SegmentInterpretation, eventID: Int64) async throws {
        let anonymousID = interpretation.event.anonymousID
        switch interpretation.effect {
        case .none, .customer, .alias:
            guard let found = Self.customer(of: interpretation) else { return }
            let customerID = try await customerID(for: found.customer, email: found.email)
            links.append((eventID, customerID, anonymousID))
        case .order(let order):
            let base = try orders.writer.baseAmounts(of: order)
            let customerID = try await customerID(for: order.customer, email: order.email)
            let ticket = try await orders.add(IngestWriter.orderInput(order, base: base, customerID: customerID))
            orderLinks[ticket] = links.count
            links.append((eventID, nil, anonymousID))
        case .orderCancelled(let cancellation):
            try await flush()
            try await orders.writer.cancelOrder(source: "segment", externalID: cancellation.orderExternalID)
        case .refund(let refund):
            try await flush()
            _ = try await orders.writer.apply(refund)
        case .checkout(let checkout):
            try await flush()
            try await orders.writer.apply(checkout)
        }
    }

    /// Resolves through the batch's cache; a resolution that may merge customers first flushes what is buffered,
    /// so the merge moves it too.
    private func customerID(for customer: IngestCustomer?, email: EmailAddress?) async throws -> Int64? {
        guard customer != nil || email != nil else { return nil }
        if orders.mayMerge(customer, email: email) { try await flush() }
        return try await orders.customerID(for: customer, email: email)
    }

    /// The customer an order event belongs to: the resolved one when the order was written, the stored order's
    /// when the delivery changed nothing.
    private func customerIDAfterWriting(_ outcome: WriteOutcome, resolved: Int64?) async throws -> Int64? {
        switch outcome {
        case .created, .updated: return resolved
        case .unchanged(let id):
            return try await sql.raw("SELECT customer_id FROM orders WHERE id = \(bind: id)")
                .first(decodingColumn: "customer_id", as: Int64?.self) ?? nil
        }
    }

    /// Writes the buffered orders, then links the events written so far to their customers; an event with an
    /// anonymous id also brings that visitor's earlier anonymous events (up to this event) to its customer.
    private func flush() async throws {
        try await orders.write()
        for (ticket, order, outcome) in orders.takeWritten() {
            guard let link = orderLinks.removeValue(forKey: ticket) else { continue }
            links[link].customerID = try await customerIDAfterWriting(outcome, resolved: order.customerID)
        }
        let linked = links.compactMap { link in link.customerID.map { (link.eventID, $0, link.anonymousID) } }
        for chunk in linked.chunks(ofCount: 500) {
            let cases = chunk.map { "WHEN \(bind: $0.0) THEN \(bind: $0.1)" as SQLQueryString }
            try await sql.raw(
                """
                UPDATE events SET customer_id = CASE id \(cases.joined(separator: " ")) END
                WHERE id IN (\(binds: chunk.map(\.0)))
                """
            ).run()
        }
        for (eventID, customerID, anonymousID) in linked {
            guard let anonymousID else { continue }
            // The visitor's earlier anonymous browsing joins the customer it turned out to be.
            try await sql.raw(
                """
                UPDATE events SET customer_id = \(bind: customerID)
                WHERE anonymous_id = \(bind: anonymousID) AND customer_id IS NULL AND id <= \(bind: eventID)
                """
            ).run()
        }
        links = []
    }
}
