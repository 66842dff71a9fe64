import Foundation
import SQLKit

extension LoyaltySettings {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// The settings the merchant saved, if any.
    static func stored(on sql: any SQLDatabase) async throws -> LoyaltySettings? {
        guard
            let text = try await sql.raw("SELECT value FROM settings WHERE key = \(bind: settingsKey)")
                .first(decodingColumn: "value", as: String.self)
        else { return nil }
        return try decoder.decode(LoyaltySettings.self, from: Data(text.utf8))
    }

    /// The stored settings, or the starter programme (disabled, not stored) when the merchant never saved one.
    static func load(on sql: any SQLDatabase, store: StoreSettings) async throws -> LoyaltySettings {
        try await stored(on: sql) ?? starter(for: store, at: Date())
    }

    /// The saved settings when the programme is enabled; `nil` otherwise (nothing earns, nothing is locked).
    static func enabled(on sql: any SQLDatabase) async throws -> LoyaltySettings? {
        guard let settings = try await stored(on: sql), settings.enabled else { return nil }
        return settings
    }

    func save(on sql: any SQLDatabase) async throws {
        let text = String(decoding: try Self.encoder.encode(self), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO settings (key, value, updated_at)
            VALUES (\(bind: Self.settingsKey), \(bind: text), \(bind: Instant.now.milliseconds))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """
        ).run()
    }
}
