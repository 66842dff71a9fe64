import Foundation
import SQLKit

/// Key–value settings kept in the database, so every instance of a PostgreSQL deployment sees the same values.
struct SettingsStore: Sendable {
    let database: Database

    /// The value under `key`, created by `make` and stored on first use; concurrent first uses agree on one value.
    func valueCreatingIfAbsent(_ key: String, make: @Sendable () -> String) async throws -> String {
        let candidate = make()
        return try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: candidate), \(bind: Instant.now.milliseconds))
                ON CONFLICT (key) DO NOTHING
                """
            ).run()
            return try await sql.raw("SELECT value FROM settings WHERE key = \(bind: key)")
                .first(decodingColumn: "value", as: String.self) ?? candidate
        }
    }

    /// The value under `key`, or `nil` when none is stored.
    func value(_ key: String) async throws -> String? {
        try await database.read { sql in
            try await sql.raw("SELECT value FROM settings WHERE key = \(bind: key)")
                .first(decodingColumn: "value", as: String.self)
        }
    }

    /// Stores `value` under `key`, replacing what was there.
    func set(_ key: String, to value: String) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: value), \(bind: Instant.now.milliseconds))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """
            ).run()
        }
    }
}
