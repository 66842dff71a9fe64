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
        try await repoint(
            "loyalty_redemptions", "customer_id", keepingApart: "operation_key", from: other, to: survivor)
        try await repoint("affiliate_entries", "advocate_id", keepingApart: "reference", from: other, to: survivor)
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

    /// Moves `other`'s rows of `table` to `survivor`, prefixing `key` with `merged:<other>:` where the survivor already
    /// has a row with the same key (each table is unique on owner and key).
    private func repoint(
        _ table: String, _ owner: String, keepingApart key: String, from other: Int64, to survivor: Int64
    ) async throws {
        try await sql.raw(
            """
            UPDATE \(unsafeRaw: table) SET \(unsafeRaw: owner) = \(bind: survivor),
                \(unsafeRaw: key) = CASE WHEN EXISTS (
                    SELECT 1 FROM \(unsafeRaw: table) same
                    WHERE same.\(unsafeRaw: owner) = \(bind: survivor) AND same.\(unsafeRaw: key) = \(unsafeRaw: table).\(unsafeRaw: key))
                THEN \(bind: "merged:\(other):") || \(unsafeRaw: key) ELSE \(unsafeRaw: key) END
            WHERE \(unsafeRaw: owner) = \(bind: other)
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
