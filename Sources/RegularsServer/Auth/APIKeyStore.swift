import Foundation
import RegularsCore
import SQLKit

/// API keys: shown in full once, stored as a SHA-256 digest (they are 256-bit random, so a slow KDF adds nothing) with
/// a short prefix that identifies the key in lists and logs.
public struct APIKeyStore: Sendable {
    let database: Database
    /// Recently verified keys of this instance (see `APIKeyCache`); `nil` checks the database every time.
    var cache: APIKeyCache? = nil

    public struct Listed: Codable, Sendable {
        public var id: Int64
        public var prefix: String
        public var scope: String
        public var name: String
        public var createdAt: Instant
        public var lastUsedAt: Instant?
        public var revokedAt: Instant?
    }

    static let prefixLength = 16

    /// Creates a key and returns it in full; only its digest is kept.
    public func create(scope: APIKeyScope, name: String) async throws -> String {
        let key = "rk_\(scope.rawValue)_\(SecretToken.make())"
        let prefix = String(key.prefix(Self.prefixLength))
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO api_keys (prefix, key_hash, scope, name, created_at)
                VALUES (\(bind: prefix), \(bind: SecretToken.sha256Hex(key)), \(bind: scope.rawValue), \(bind: name), \(bind: Instant.now.milliseconds))
                """
            ).run()
        }
        return key
    }

    /// The scope of `key` if it was verified recently (see `APIKeyCache`), without a query.
    func cachedScope(of key: String) -> APIKeyScope? {
        guard key.count > Self.prefixLength else { return nil }
        return cache?.scope(forDigest: SecretToken.sha256Hex(key))
    }

    /// The scope of a presented key, or `nil` when it is unknown or revoked.
    public func authenticate(_ key: String) async throws -> APIKeyScope? {
        let prefix = String(key.prefix(Self.prefixLength))
        guard key.count > Self.prefixLength else { return nil }
        let digest = SecretToken.sha256Hex(key)
        if let scope = cache?.scope(forDigest: digest) { return scope }
        struct Row: Decodable { var id: Int64; var keyHash: String; var scope: String }
        let row = try await database.read { sql in
            try await sql.raw(
                "SELECT id, key_hash, scope FROM api_keys WHERE prefix = \(bind: prefix) AND revoked_at IS NULL"
            ).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let row, SecretToken.constantTimeEquals(row.keyHash, digest), let scope = APIKeyScope(rawValue: row.scope)
        else { return nil }
        cache?.remember(scope, forDigest: digest)
        return scope
    }

    public func list() async throws -> [Listed] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT id, prefix, scope, name, created_at, last_used_at, revoked_at FROM api_keys ORDER BY id"
            ).all(decoding: Listed.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    public func revoke(prefix: String) async throws -> Bool {
        let revoked = try await database.write { sql in
            let rows = try await sql.raw(
                """
                UPDATE api_keys SET revoked_at = \(bind: Instant.now.milliseconds)
                WHERE prefix = \(bind: prefix) AND revoked_at IS NULL RETURNING id
                """
            ).all()
            return !rows.isEmpty
        }
        cache?.clear()
        return revoked
    }
}

extension APIKeyStore {
    /// Revokes every key named `name` and creates a new one under that name.
    public func rotate(name: String, scope: APIKeyScope) async throws -> String {
        try await database.write { sql in
            try await sql.raw(
                "UPDATE api_keys SET revoked_at = \(bind: Instant.now.milliseconds) WHERE name = \(bind: name) AND revoked_at IS NULL"
            ).run()
        }
        cache?.clear()
        return try await create(scope: scope, name: name)
    }
}
