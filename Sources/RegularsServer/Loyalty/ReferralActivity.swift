import Foundation
import SQLKit

/// Top-of-funnel referral activity: a shopper sharing their link, a visit through it.
enum ReferralActivity: String, Sendable {
    case shared
    case visit

    static func record(_ kind: ReferralActivity, advocateID: Int64, in database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO loyalty_referral_activity (advocate_id, kind, occurred_at)
                VALUES (\(bind: advocateID), \(bind: kind.rawValue), \(bind: Instant.now.milliseconds))
                """
            ).run()
        }
    }
}
