import Foundation
import SQLKit

/// Unauthenticated deliveries (a webhook whose signature does not match, a tracking call without a valid write
/// key), counted per (source, reason) in `ingest_rejection_counts`: one row per reason however many arrive, never
/// the body. The Integrations page lists them beside the refused payloads.
enum RejectedSignatures {
    struct Counted: Decodable, Sendable {
        var source: String
        var reason: String
        var topic: String
        var field: String?
        var status: Int
        var count: Int64
        var day: Int64
        var dayCount: Int64
        var firstSeenAt: Int64
        var lastSeenAt: Int64
    }

    /// Counts one refusal; `timeZone` is the store's, which "today" follows.
    static func record(
        source: String, topic: String, field: String?, reason: String, status: Int = 401, timeZone: TimeZone,
        database: Database, now: Date = Date()
    ) async throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = Instant(calendar.startOfDay(for: now)).milliseconds
        let at = Instant(now).milliseconds
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO ingest_rejection_counts (source, reason, topic, field, status, count, day, day_count,
                    first_seen_at, last_seen_at)
                VALUES (\(bind: source), \(bind: reason), \(bind: topic), \(bind: field), \(bind: status), 1, \(bind: day),
                    1, \(bind: at), \(bind: at))
                ON CONFLICT (source, reason) DO UPDATE SET count = ingest_rejection_counts.count + 1,
                    day_count = CASE WHEN ingest_rejection_counts.day = excluded.day
                        THEN ingest_rejection_counts.day_count + 1 ELSE 1 END,
                    day = excluded.day, topic = excluded.topic, field = excluded.field, status = excluded.status,
                    last_seen_at = excluded.last_seen_at
                """
            ).run()
        }
    }

    static func counted(source: String, on sql: any SQLDatabase) async throws -> [Counted] {
        try await sql.raw(
            """
            SELECT source, reason, topic, field, status, count, day, day_count, first_seen_at, last_seen_at
            FROM ingest_rejection_counts WHERE source = \(bind: source) ORDER BY last_seen_at DESC
            """
        ).all(decoding: Counted.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
