import Foundation
import RegularsCore
import SQLKit

/// Creates and updates customers, resolving identities from several sources (Shopify id, WooCommerce id, Segment
/// userId and anonymousId, email) to one customer and merging customers that turn out to be the same person.
/// Runs inside the caller's write transaction.
struct CustomerWriter: Sendable {
    let sql: any SQLDatabase

    /// The id of the customer these identities and this email belong to, creating or merging as needed, with the
    /// reported profile facts applied and every identity attached. `cache` (one transaction's) answers the look-ups
    /// it knows and learns the rest.
    func resolve(
        _ identities: [CustomerIdentity], profile: CustomerInput, at now: Instant, cache: IdentityCache? = nil
    ) async throws -> Int64 {
        var matches: [Int64] = []
        var attachedTo: [CustomerIdentity: Int64] = [:]
        for identity in identities {
            if let id = try await customer(of: identity, cache: cache) {
                matches.append(id)
                attachedTo[identity] = id
            }
        }
        if let email = profile.email, let id = try await customer(withEmail: email.value, cache: cache) {
            matches.append(id)
        }
        let distinct = Array(Set(matches)).sorted()
        let customerID: Int64
        if let survivor = distinct.first {
            for other in distinct.dropFirst() {
                try await merge(other, into: survivor)
                cache?.merged(other, into: survivor)
            }
            customerID = survivor
        } else {
            customerID = try await create(at: now)
        }
        // A call that reports no profile fact (an order event carrying only a user id) changes no profile column.
        if !profile.isEmpty { try await apply(profile, to: customerID, at: now) }
        // Identities already attached to this customer stay as they are; merges moved the others' identities here.
        var attached = identities.filter { attachedTo[$0] != customerID }
        if let email = profile.email { attached.append(CustomerIdentity(source: .email, externalID: email.value)) }
        for identity in attached where cache?.lookup(identity) != .customer(customerID) {
            let inserted = try await sql.raw(
                """
                INSERT INTO customer_identities (customer_id, source, external_id, created_at)
                VALUES (\(bind: customerID), \(bind: identity.source.rawValue), \(bind: identity.externalID), \(bind: now.milliseconds))
                ON CONFLICT (source, external_id) DO NOTHING RETURNING customer_id
                """
            ).first(decodingColumn: "customer_id", as: Int64.self)
            // Not inserted and someone else's: a concurrent transaction (PostgreSQL; SQLite writes one at a time)
            // created a customer for the same identity and committed while this one waited on the key. They are
            // one person: that customer is merged into this one.
            if inserted == nil, let owner = try await owner(of: identity), owner != customerID {
                try await merge(owner, into: customerID)
                cache?.merged(owner, into: customerID)
            }
        }
        if let email = profile.email { cache?.record(email: email.value, customerID: customerID) }
        for identity in identities { cache?.record(identity, customerID: customerID) }
        return customerID
    }

    private func owner(of identity: CustomerIdentity) async throws -> Int64? {
        try await sql.raw(
            """
            SELECT customer_id FROM customer_identities
            WHERE source = \(bind: identity.source.rawValue) AND external_id = \(bind: identity.externalID)
            """
        ).first(decodingColumn: "customer_id", as: Int64.self)
    }

    private func customer(of identity: CustomerIdentity, cache: IdentityCache?) async throws -> Int64? {
        switch cache?.lookup(identity) ?? .unknown {
        case .customer(let id): return id
        case .absent: return nil
        case .unknown:
            let id = try await owner(of: identity)
            if let id { cache?.record(identity, customerID: id) }
            return id
        }
    }

    private func customer(withEmail email: String, cache: IdentityCache?) async throws -> Int64? {
        switch cache?.lookup(email: email) ?? .unknown {
        case .customer(let id): return id
        case .absent: return nil
        case .unknown:
            return try await sql.raw("SELECT id FROM customers WHERE email = \(bind: email)")
                .first(decodingColumn: "id", as: Int64.self)
        }
    }

    /// Appends a consent change when it differs from the channel's current state; the history is never rewritten.
    func recordConsent(
        customerID: Int64, channel: ConsentChannel, granted: Bool, at instant: Instant, source: String
    ) async throws {
        let current = try await sql.raw(
            """
            SELECT CASE WHEN granted THEN 1 ELSE 0 END AS granted FROM customer_consents
            WHERE customer_id = \(bind: customerID) AND channel = \(bind: channel.rawValue)
            ORDER BY occurred_at DESC, id DESC LIMIT 1
            """
        ).first(decodingColumn: "granted", as: Int.self)
        guard current.map({ ($0 == 1) != granted }) ?? true else { return }
        try await sql.raw(
            """
            INSERT INTO customer_consents (customer_id, channel, granted, occurred_at, source)
            VALUES (\(bind: customerID), \(bind: channel.rawValue), \(bind: granted), \(bind: instant.milliseconds), \(bind: source))
            """
        ).run()
    }

    private func create(at now: Instant) async throws -> Int64 {
        let id = try await sql.raw(
            "INSERT INTO customers (created_at, updated_at) VALUES (\(bind: now.milliseconds), \(bind: now.milliseconds)) RETURNING id"
        ).first(decodingColumn: "id", as: Int64.self)
        guard let id else { throw Problem(status: .internalServerError, detail: "The customer was not stored") }
        return id
    }

    private func apply(_ profile: CustomerInput, to id: Int64, at now: Instant) async throws {
        try await sql.raw(
            """
            UPDATE customers SET
                email = COALESCE(\(bind: profile.email?.value), email),
                phone = COALESCE(\(bind: profile.phone?.e164), phone),
                first_name = COALESCE(\(bind: profile.firstName), first_name),
                last_name = COALESCE(\(bind: profile.lastName), last_name),
                birth_month = COALESCE(\(bind: profile.birthday?.month), birth_month),
                birth_day = COALESCE(\(bind: profile.birthday?.day), birth_day),
                birth_year = COALESCE(\(bind: profile.birthday?.year), birth_year),
                locale = COALESCE(\(bind: profile.locale?.rawValue), locale),
                time_zone = COALESCE(\(bind: profile.timeZone), time_zone),
                tags = COALESCE(\(bind: profile.tags.map { JSONText.encode($0) }), tags),
                updated_at = \(bind: now.milliseconds)
            WHERE id = \(bind: id)
            """
        ).run()
        try await refreshSearchText(of: id)
    }

    func refreshSearchText(of id: Int64) async throws {
        struct Names: Decodable {
            var firstName: String?; var lastName: String?; var email: String?; var phone: String?
        }
        guard
            let names = try await sql.raw(
                "SELECT first_name, last_name, email, phone FROM customers WHERE id = \(bind: id)"
            )
            .first(decoding: Names.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return }
        let text = CustomerSearchText.make(
            firstName: names.firstName, lastName: names.lastName, email: names.email, phone: names.phone)
        try await sql.raw("UPDATE customers SET search_text = \(bind: text) WHERE id = \(bind: id)").run()
    }

    /// Moves everything of `other` onto `survivor` (its loyalty points and rewards too: `LoyaltyMerge`), fills the
    /// survivor's missing profile fields from it, then deletes `other` and refreshes the survivor's aggregates.
    private func merge(_ other: Int64, into survivor: Int64) async throws {
        for table in ["customer_identities", "customer_consents", "orders", "checkouts", "events"] {
            try await sql.raw(
                "UPDATE \(unsafeRaw: table) SET customer_id = \(bind: survivor) WHERE customer_id = \(bind: other)"
            ).run()
        }
        struct Profile: Decodable { var email: String? }
        let otherEmail = try await sql.raw("SELECT email FROM customers WHERE id = \(bind: other)")
            .first(decoding: Profile.self)?.email
        let fields = [
            "phone", "first_name", "last_name", "birth_month", "birth_day", "birth_year", "locale", "time_zone",
        ]
        let fill = fields.map {
            "\($0) = COALESCE(customers.\($0), (SELECT \($0) FROM customers c WHERE c.id = \(other)))"
        }
        try await sql.raw(
            "UPDATE customers SET \(unsafeRaw: fill.joined(separator: ", ")) WHERE id = \(bind: survivor)"
        ).run()
        try await LoyaltyMerge(sql: sql).move(from: other, into: survivor, at: Date())
        // Its orders are the survivor's now: take its share out of the cohort rollups before it goes.
        try await AnalyticsRollups.refresh(customerIDs: [other], on: sql)
        try await sql.raw("DELETE FROM customers WHERE id = \(bind: other)").run()
        if let otherEmail {
            try await sql.raw(
                "UPDATE customers SET email = COALESCE(email, \(bind: otherEmail)) WHERE id = \(bind: survivor)"
            ).run()
        }
        try await refreshSearchText(of: survivor)
        try await CustomerAggregates.refresh(customerIDs: [survivor], on: sql)
    }
}
