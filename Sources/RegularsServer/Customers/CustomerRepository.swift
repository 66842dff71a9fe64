import RegularsCore
import RegularsStats
import SQLKit

/// Reads customers: search and paging, and the full profile.
struct CustomerRepository: Sendable {
    let database: Database

    /// Customers matching `query`, newest first, one page after the cursor.
    func search(_ query: CustomerQuery) async throws -> (rows: [CustomerRow], hasMore: Bool) {
        let limit = try query.validatedLimit()
        let afterID = try query.cursor.map { cursor throws(Problem) in try Cursor.decode(cursor) }
        if let locale = query.locale, SupportedLocale(rawValue: locale) == nil {
            throw Problem.invalidField("locale", "must be one of en, ar, zh")
        }
        var conditions: [SQLQueryString] = ["redacted_at IS NULL"]
        if let text = query.q?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            conditions.append("search_text LIKE \(bind: "%" + Self.escapeLike(text) + "%") ESCAPE '\\'")
        }
        if let afterID { conditions.append("id < \(bind: afterID)") }
        if let locale = query.locale { conditions.append("locale = \(bind: locale)") }
        if let minOrders = query.minOrders { conditions.append("order_count >= \(bind: minOrders)") }
        if let maxOrders = query.maxOrders { conditions.append("order_count <= \(bind: maxOrders)") }
        if let name = query.segment {
            guard let segment = RFMSegment(rawValue: name) else {
                throw Problem.invalidField(
                    "segment", "must be one of " + RFMSegment.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let codes = segment.scores.map { String($0.code) }
            conditions.append(
                """
                id IN (SELECT customer_id FROM customer_scores WHERE rfm_recency * 100 + rfm_frequency * 10 + \
                rfm_monetary IN (\(unsafeRaw: codes.joined(separator: ", "))))
                """)
        }
        if let tag = query.tag {
            conditions.append("tags LIKE \(bind: "%" + Self.escapeLike(JSONText.encode(tag)) + "%") ESCAPE '\\'")
        }
        let whereClause = conditions.dropFirst().reduce(conditions[0]) { "\($0) AND \($1)" }
        let rows = try await database.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: CustomerRow.columns) FROM customers WHERE \(whereClause) ORDER BY id DESC LIMIT \(literal: limit + 1)"
            ).all(decoding: CustomerRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        return (Array(rows.prefix(limit)), rows.count > limit)
    }

    func find(_ id: Int64) async throws -> CustomerRow? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: CustomerRow.columns) FROM customers WHERE id = \(bind: id)")
                .first(decoding: CustomerRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    struct IdentityRow: Decodable, Sendable {
        var source: String
        var externalId: String
        var createdAt: Int64
    }

    func identities(of id: Int64) async throws -> [IdentityRow] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT source, external_id, created_at FROM customer_identities WHERE customer_id = \(bind: id) ORDER BY id"
            ).all(decoding: IdentityRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    struct ConsentRow: Decodable, Sendable {
        var channel: String
        var granted: Int
        var occurredAt: Int64
        var source: String
    }

    /// Every consent change of the customer, oldest first; the last per channel is the current state.
    func consentHistory(of id: Int64) async throws -> [ConsentRow] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT channel, CASE WHEN granted THEN 1 ELSE 0 END AS granted, occurred_at, source
                FROM customer_consents WHERE customer_id = \(bind: id) ORDER BY occurred_at, id
                """
            ).all(decoding: ConsentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    struct EventRow: Decodable, Sendable {
        var type: String
        var properties: String
        var occurredAt: Int64
        var source: String
    }

    func events(of id: Int64, limit: Int = 200) async throws -> [EventRow] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT type, properties, occurred_at, source FROM events
                WHERE customer_id = \(bind: id) ORDER BY occurred_at DESC LIMIT \(literal: limit)
                """
            ).all(decoding: EventRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
