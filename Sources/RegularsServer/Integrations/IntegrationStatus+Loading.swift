import Foundation
import SQLKit

extension IntegrationStatus {
    /// Every source's status as of `now`; "today" starts at midnight in the store's time zone.
    static func loadAll(_ services: RegularsServices, now: Date = Date()) async throws -> [IntegrationStatus] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = services.configuration.store.timeZone
        let dayStart = Instant(calendar.startOfDay(for: now)).milliseconds
        let keys = try await services.apiKeys.list().filter { $0.scope == "ingest" }
        var statuses: [IntegrationStatus] = []
        for source in IntegrationSource.allCases {
            statuses.append(try await load(source, services: services, dayStart: dayStart, ingestKeys: keys))
        }
        return statuses
    }

    static func load(
        _ source: IntegrationSource, services: RegularsServices, dayStart: Int64, ingestKeys: [APIKeyStore.Listed]
    ) async throws -> IntegrationStatus {
        let secret = try await services.webhookSecrets.current(source)
        let table = source == .segment ? "events" : "webhook_deliveries"
        struct Counts: Decodable {
            var last: Int64?; var today: Int64; var rejected: Int64
        }
        let (counts, rejections) = try await services.database.read { sql in
            let counts = try await sql.raw(
                """
                SELECT (SELECT MAX(received_at) FROM \(unsafeRaw: table) WHERE source = \(bind: source.rawValue)) AS last,
                    CAST((SELECT COUNT(*) FROM \(unsafeRaw: table)
                        WHERE source = \(bind: source.rawValue) AND received_at >= \(bind: dayStart)) AS BIGINT) AS today,
                    CAST((SELECT COUNT(*) FROM ingest_rejections
                        WHERE source = \(bind: source.rawValue) AND received_at >= \(bind: dayStart)) AS BIGINT) AS rejected
                """
            ).first(decoding: Counts.self)
            struct Rejection: Decodable {
                var receivedAt: Int64; var topic: String; var status: Int; var field: String?; var reason: String
                var deliveryId: String?
            }
            let rejections = try await sql.raw(
                """
                SELECT received_at, topic, status, field, reason, delivery_id FROM ingest_rejections
                WHERE source = \(bind: source.rawValue) ORDER BY received_at DESC, id DESC LIMIT 20
                """
            ).all(decoding: Rejection.self, keyDecodingStrategy: .convertFromSnakeCase).map {
                IntegrationRejection(
                    receivedAt: Instant(milliseconds: $0.receivedAt).iso8601, topic: $0.topic, status: $0.status,
                    field: $0.field, reason: $0.reason, deliveryId: $0.deliveryId)
            }
            // Refused signatures and write keys: one counted row per reason, listed by their latest time.
            let refused = try await RejectedSignatures.counted(source: source.rawValue, on: sql)
            let listed = refused.map {
                IntegrationRejection(
                    receivedAt: Instant(milliseconds: $0.lastSeenAt).iso8601, topic: $0.topic, status: $0.status,
                    field: $0.field, reason: $0.reason, deliveryId: nil, count: Int($0.count),
                    firstReceivedAt: Instant(milliseconds: $0.firstSeenAt).iso8601)
            }
            let refusedToday = refused.filter { $0.day == dayStart }.reduce(0) { $0 + $1.dayCount }
            let merged = (rejections + listed).sorted { $0.receivedAt > $1.receivedAt }.prefix(20)
            return (
                counts.map { Counts(last: $0.last, today: $0.today, rejected: $0.rejected + refusedToday) },
                Array(merged)
            )
        }
        let configured = source == .segment ? ingestKeys.contains { $0.revokedAt == nil } : secret != nil
        let last = counts?.last
        let base = services.configuration.baseURL
        return IntegrationStatus(
            source: source.rawValue,
            status: !configured ? "not_configured" : last == nil ? "awaiting_first_event" : "receiving",
            secret: source == .segment ? nil : secret.map { $0.fromEnvironment ? "environment" : "stored" } ?? "none",
            endpoints: source.endpointPaths.map { base + $0 },
            lastEventReceivedAt: last.map { Instant(milliseconds: $0).iso8601 },
            deliveriesToday: Int(counts?.today ?? 0), rejectionsToday: Int(counts?.rejected ?? 0),
            recentRejections: rejections,
            writeKeys: source != .segment
                ? nil
                : ingestKeys.map {
                    IntegrationWriteKey(
                        prefix: $0.prefix, name: $0.name, createdAt: $0.createdAt.iso8601,
                        lastUsedAt: $0.lastUsedAt?.iso8601, revokedAt: $0.revokedAt?.iso8601)
                })
    }
}
