import SQLKit

/// The stored facts an imported customer row can change (profile, identities, consent history) and when the
/// customer last changed: compared before and after a write to tell an update from a repeat.
struct CustomerSnapshot: Decodable, Equatable, Sendable {
    var email: String?
    var phone: String?
    var firstName: String?
    var lastName: String?
    var birthMonth: Int?
    var birthDay: Int?
    var birthYear: Int?
    var locale: String?
    var timeZone: String?
    var tags: String
    var identities: Int64
    var consents: Int64
    var updatedAt: Int64

    /// Equal in everything but `updatedAt`.
    func sameFacts(as other: CustomerSnapshot) -> Bool {
        var other = other
        other.updatedAt = updatedAt
        return self == other
    }

    static func load(_ id: Int64, on sql: any SQLDatabase) async throws -> CustomerSnapshot? {
        try await sql.raw(
            """
            SELECT email, phone, first_name, last_name, birth_month, birth_day, birth_year, locale, time_zone, tags,
                updated_at,
                CAST((SELECT COUNT(*) FROM customer_identities i WHERE i.customer_id = c.id) AS BIGINT) AS identities,
                CAST((SELECT COUNT(*) FROM customer_consents k WHERE k.customer_id = c.id) AS BIGINT) AS consents
            FROM customers c WHERE c.id = \(bind: id)
            """
        ).first(decoding: CustomerSnapshot.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
