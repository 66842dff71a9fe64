import SQLKit
import Vapor

/// Merchant accounts for the admin UI; passwords are kept as bcrypt hashes.
struct AdminUserStore: Sendable {
    let database: Database

    struct Account: Decodable, Sendable {
        var id: Int64
        var email: String
        var passwordHash: String
        var locale: String?
    }

    static let minimumPasswordLength = 10

    /// Creates the account, or replaces the password of an existing one with that email.
    func upsert(email: String, password: String, locale: String? = nil) async throws {
        guard password.count >= Self.minimumPasswordLength else {
            throw Problem.invalidField("password", "must be at least \(Self.minimumPasswordLength) characters")
        }
        let hash = try Bcrypt.hash(password, cost: 12)
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO admin_users (email, password_hash, locale, created_at)
                VALUES (\(bind: email.lowercased()), \(bind: hash), \(bind: locale), \(bind: Instant.now.milliseconds))
                ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash
                """
            ).run()
        }
    }

    func find(email: String) async throws -> Account? {
        try await database.read { sql in
            try await sql.raw(
                "SELECT id, email, password_hash, locale FROM admin_users WHERE email = \(bind: email.lowercased())"
            ).first(decoding: Account.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    func find(id: Int64) async throws -> Account? {
        try await database.read { sql in
            try await sql.raw("SELECT id, email, password_hash, locale FROM admin_users WHERE id = \(bind: id)")
                .first(decoding: Account.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }
}
