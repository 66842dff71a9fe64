import Foundation
import RegularsLoyalty
import SQLKit
import Vapor

/// Answers stored under API `Idempotency-Key`s, with Stripe's semantics: the same key with the same request gets
/// the stored answer again, with a different request 422.
enum IdempotentRequests {
    static func stored(key: String, fingerprint: RequestFingerprint, in database: Database) async throws
        -> LoyaltyRedemptions.Outcome?
    {
        struct Row: Decodable { var fingerprint: String; var status: Int; var body: String }
        guard
            let row = try await database.read({ sql in
                try await sql.raw(
                    "SELECT fingerprint, status, body FROM idempotent_requests WHERE idempotency_key = \(bind: key)"
                ).first(decoding: Row.self)
            })
        else { return nil }
        guard row.fingerprint == fingerprint.value else {
            throw Problem(
                status: .unprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was used with a different request")
        }
        return LoyaltyRedemptions.Outcome(status: HTTPResponseStatus(statusCode: row.status), body: row.body)
    }

    static func store(
        key: String, fingerprint: RequestFingerprint, outcome: LoyaltyRedemptions.Outcome, on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO idempotent_requests (idempotency_key, fingerprint, status, body, created_at)
            VALUES (\(bind: key), \(bind: fingerprint.value), \(bind: Int(outcome.status.code)), \(bind: outcome.body),
                \(bind: Instant.now.milliseconds))
            ON CONFLICT (idempotency_key) DO NOTHING
            """
        ).run()
    }
}
