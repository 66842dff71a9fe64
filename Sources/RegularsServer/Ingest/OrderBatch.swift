import RegularsCore
import RegularsIngest
import SQLKit

/// Orders written together inside one write transaction (a tracking batch, a slice of a CSV import), with the same
/// outcome as writing them one after another through `IngestWriter.apply`, in a few set operations:
///
/// - the customers' identities and emails are read at once (`IdentityCache`), so resolving an order's customer
///   usually costs no statement;
/// - the loyalty settings are read once: with the programme off, orders are buffered and written by one multi-row
///   insert (and one for their lines) through `OrderWriter.upsertAll`, and every touched customer's aggregates and
///   rollups are refreshed once, set-based, by `finish`; with it on, each order is written, refreshed and earns
///   at once, as before;
/// - whatever depends on what came before is written first: the buffer is written before a resolution that may
///   merge customers (the merge moves the customer's orders) and before a second delivery of a buffered order.
///
/// The caller writes the buffer (`write`) before anything else that reads orders (a refund, say).
final class OrderBatch {
    let sql: any SQLDatabase
    let writer: IngestWriter
    let cache = IdentityCache()
    private var deferred = true
    private var pending: [(ticket: Int, order: OrderInput)] = []
    private var pendingKeys: Set<[String]> = []
    private var written: [(ticket: Int, order: OrderInput, outcome: WriteOutcome)] = []
    private var touched: Set<Int64> = []
    private var nextTicket = 0

    init(sql: any SQLDatabase, baseCurrency: CurrencyCode) {
        self.sql = sql
        self.writer = IngestWriter(sql: sql, baseCurrency: baseCurrency)
    }

    /// Reads the loyalty settings, and the identities and emails of these customers.
    func prepare(customers: [(customer: IngestCustomer?, email: EmailAddress?)]) async throws {
        deferred = try await LoyaltySettings.enabled(on: sql) == nil
        var identities: [CustomerIdentity] = []
        var emails: [String] = []
        for (customer, email) in customers {
            identities += IngestWriter.identities(of: customer)
            if let email = customer?.email ?? email {
                emails.append(email.value)
                identities.append(CustomerIdentity(source: .email, externalID: email.value))
            }
        }
        try await cache.prefetch(identities, emails: emails, on: sql)
    }

    /// `true` when resolving this customer could merge customers (or needs a read to know).
    func mayMerge(_ customer: IngestCustomer?, email: EmailAddress?) -> Bool {
        !cache.resolvesWithoutMerge(
            IngestWriter.identities(of: customer), email: IngestWriter.profile(of: customer, email: email).email?.value)
    }

    /// `IngestWriter.customerID(for:email:)` through the cache, writing the buffer first when it may merge.
    func customerID(for customer: IngestCustomer?, email: EmailAddress?) async throws -> Int64? {
        guard customer != nil || email != nil else { return nil }
        if mayMerge(customer, email: email) { try await write() }
        return try await writer.customerID(for: customer, email: email, cache: cache)
    }

    /// Buffers the order (written now when the loyalty programme is on) and returns the ticket its outcome is
    /// reported under by ``takeWritten()``.
    func add(_ order: OrderInput) async throws -> Int {
        let ticket = nextTicket
        nextTicket += 1
        guard deferred else {
            written.append((ticket, order, try await OrderWriter(sql: sql).upsert(order)))
            return ticket
        }
        let key = [order.source, order.externalID]
        if pendingKeys.contains(key) { try await write() }
        pendingKeys.insert(key)
        pending.append((ticket, order))
        return ticket
    }

    /// Writes the buffered orders.
    func write() async throws {
        guard !pending.isEmpty else { return }
        let outcomes = try await OrderWriter(sql: sql).upsertAll(pending.map(\.order), touched: &touched)
        for (item, outcome) in zip(pending, outcomes) { written.append((item.ticket, item.order, outcome)) }
        pending = []
        pendingKeys = []
    }

    /// The orders written since the last call, with their tickets and outcomes.
    func takeWritten() -> [(ticket: Int, order: OrderInput, outcome: WriteOutcome)] {
        defer { written = [] }
        return written
    }

    /// Writes the buffer and refreshes every touched customer's aggregates and rollups once.
    func finish() async throws {
        try await write()
        try await CustomerAggregates.refresh(customerIDs: Array(touched), on: sql)
        touched = []
    }
}
