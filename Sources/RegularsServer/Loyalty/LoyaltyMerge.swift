import Foundation
import SQLKit

/// What happens to a customer's loyalty data when identity resolution finds that they are another customer and
/// merges them away: nothing is lost. The ledger is carried onto the survivor's (`LoyaltyAccountWriter.absorbLedger`);
/// issued rewards, tier history, referrals, referral activity and affiliate accruals are re-pointed at the survivor.
/// Runs in the merge's transaction, before the merged customer is deleted.
struct LoyaltyMerge: Sendable {
    let sql: any SQLDatabase

    func move(from other: Int64, into survivor: Int64, at now: Date) async throws {
        if let settings = try await LoyaltySettings.stored(on: sql) {
            try await adoptAccount(from: other, into: survivor)
            try await LoyaltyAccountWriter(sql: sql, settings: settings).absorbLedger(
                of: other, into: survivor, at: now)
        }
        // A key or reference both customers used stays apart, as the ledger's do.
        try await sql.raw(
            """
            UPDATE loyalty_redemptions SET customer_id = \(bind: survivor),
                operation_key = CASE WHEN EXISTS (
                    SELECT 1 FROM loyalty_redemptions r
                    WHERE r.customer_id = \(bind: survivor) AND r.operation_key = loyalty_redemptions.operation_key)
                THEN \(bind: "merged:\(other):") || operation_key ELSE operation_key END
            WHERE customer_id = \(bind: other)
            """
        ).run()
        try await sql.raw(
            """
            UPDATE affiliate_entries SET advocate_id = \(bind: survivor),
                reference = CASE WHEN EXISTS (
                    SELECT 1 FROM affiliate_entries a
                    WHERE a.advocate_id = \(bind: survivor) AND a.reference = affiliate_entries.reference)
                THEN \(bind: "merged:\(other):") || reference ELSE reference END
            WHERE advocate_id = \(bind: other)
            """
        ).run()
        for (table, column) in [
            ("loyalty_tier_changes", "customer_id"), ("loyalty_referrals", "advocate_id"),
            ("loyalty_referral_activity", "advocate_id"),
        ] {
            try await sql.raw(
                """
                UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(bind: survivor)
                WHERE \(unsafeRaw: column) = \(bind: other)
                """
            ).run()
        }
        // A shopper is referred once: the survivor's own referral, if any, stands.
        try await sql.raw(
            """
            UPDATE loyalty_referrals SET friend_id = \(bind: survivor)
            WHERE friend_id = \(bind: other)
                AND NOT EXISTS (SELECT 1 FROM loyalty_referrals r WHERE r.friend_id = \(bind: survivor))
            """
        ).run()
    }

    /// Gives the survivor the merged customer's account row — its referral code, tier and referrer — when the
    /// survivor has none yet; a survivor with an account keeps its own and inherits only a missing referrer.
    private func adoptAccount(from other: Int64, into survivor: Int64) async throws {
        let survivorHasAccount =
            try await sql.raw("SELECT customer_id FROM loyalty_accounts WHERE customer_id = \(bind: survivor)")
            .first() != nil
        if survivorHasAccount {
            try await sql.raw(
                """
                UPDATE loyalty_accounts SET referred_by = COALESCE(referred_by,
                    (SELECT a.referred_by FROM loyalty_accounts a WHERE a.customer_id = \(bind: other)))
                WHERE customer_id = \(bind: survivor)
                """
            ).run()
        } else {
            try await sql.raw(
                "UPDATE loyalty_accounts SET customer_id = \(bind: survivor) WHERE customer_id = \(bind: other)"
            ).run()
        }
    }
}
