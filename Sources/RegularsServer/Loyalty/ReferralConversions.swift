import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit

/// Referrals from sign-up to reward: a friend signs up with an advocate's code, and their first order that meets
/// the minimum is screened by the fraud rules — allowed referrals reward both sides (pending for the order's return
/// window, taken back by its refunds), flagged ones wait for an admin, rejected ones reward nobody.
struct ReferralConversions: Sendable {
    let sql: any SQLDatabase
    let settings: LoyaltySettings

    enum Refusal: Error, Equatable {
        case unknownCode
        case selfReferral
        case alreadyReferred
        case notHeld
    }

    /// Records that `friendID` signed up through `code`. Self-referrals are refused; a friend is referred once.
    func signUp(friendID: Int64, code: String, at now: Date) async throws -> Int64 {
        guard
            let advocateID = try await sql.raw(
                "SELECT customer_id FROM loyalty_accounts WHERE referral_code = \(bind: code.uppercased())"
            ).first(decodingColumn: "customer_id", as: Int64.self)
        else { throw Refusal.unknownCode }
        guard advocateID != friendID else { throw Refusal.selfReferral }
        guard
            try await sql.raw("SELECT id FROM loyalty_referrals WHERE friend_id = \(bind: friendID)").first() == nil
        else { throw Refusal.alreadyReferred }
        try await LoyaltyLedgerStore(sql: sql).lockAccount(friendID)
        try await sql.raw(
            "UPDATE loyalty_accounts SET referred_by = \(bind: advocateID) WHERE customer_id = \(bind: friendID)"
        ).run()
        guard
            let id = try await sql.raw(
                """
                INSERT INTO loyalty_referrals (advocate_id, friend_id, status, created_at)
                VALUES (\(bind: advocateID), \(bind: friendID), 'signed_up', \(bind: Instant(now).milliseconds))
                RETURNING id
                """
            ).first(decodingColumn: "id", as: Int64.self)
        else { throw Refusal.unknownCode }
        return id
    }

    /// A referred friend's order: the first one that meets the minimum order value converts the referral.
    func friendOrdered(customerID: Int64, order: LoyaltyOrder, orderID: Int64, at now: Date) async throws {
        guard let program = settings.program.referrals,
            let referral = try await sql.raw(
                """
                SELECT id, advocate_id, friend_id, created_at FROM loyalty_referrals
                WHERE friend_id = \(bind: customerID) AND status = 'signed_up'
                """
            ).first(decoding: ReferralRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return }
        if let minimum = program.minimumOrderValue, minimum.currency == order.total.currency,
            order.total.minorUnits < minimum.minorUnits
        {
            return
        }
        let candidate = try await candidate(for: referral, firstOrder: orderID, at: now)
        let screening = program.fraud.screen(candidate)
        try await sql.raw(
            "UPDATE loyalty_referrals SET order_id = \(bind: orderID) WHERE id = \(bind: referral.id)"
        ).run()
        switch screening {
        case .allow:
            try await reward(referral, order: order, at: now)
        case .holdForReview(let reasons), .reject(let reasons):
            let status = screening == .holdForReview(reasons) ? "held" : "rejected"
            try await sql.raw(
                """
                UPDATE loyalty_referrals SET status = \(bind: status), reasons = \(bind: JSONText.encode(reasons.map(\.description))),
                    decided_at = \(bind: Instant(now).milliseconds)
                WHERE id = \(bind: referral.id)
                """
            ).run()
        }
    }

    /// An admin's decision on a held referral: approving rewards both sides, rejecting rewards nobody.
    func decide(referralID: Int64, approve: Bool, at now: Date) async throws {
        guard
            let referral = try await sql.raw(
                """
                SELECT id, advocate_id, friend_id, created_at, order_id FROM loyalty_referrals
                WHERE id = \(bind: referralID) AND status = 'held'
                """
            ).first(decoding: ReferralRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw Refusal.notHeld }
        guard approve, let orderID = referral.orderId, let facts = try await LoyaltyOrderFacts.load(orderID, on: sql)
        else {
            try await sql.raw(
                "UPDATE loyalty_referrals SET status = 'rejected', decided_at = \(bind: Instant(now).milliseconds) WHERE id = \(bind: referralID)"
            ).run()
            return
        }
        try await reward(referral, order: facts.loyaltyOrder(currency: settings.program.earning.currency), at: now)
    }

    private func reward(_ referral: ReferralRow, order: LoyaltyOrder, at now: Date) async throws {
        guard let program = settings.program.referrals else { return }
        let writer = LoyaltyAccountWriter(sql: sql, settings: settings)
        let store = LoyaltyLedgerStore(sql: sql)
        // Lock both accounts in id order, so two conversions never wait on each other.
        for id in [referral.advocateId, referral.friendId].sorted() { try await store.lockAccount(id) }
        let plans = try program.planRewards(
            for: ReferralConversion(
                advocateCustomerID: "\(referral.advocateId)", friendCustomerID: "\(referral.friendId)",
                friendOrder: order, at: now),
            screening: .allow, advocateLedger: try await store.ledger(referral.advocateId),
            friendLedger: try await store.ledger(referral.friendId), rules: settings.program.earning,
            policy: settings.program.ledger)
        _ = try await writer.post(customerID: referral.advocateId, at: now) { _ in plans.advocate }
        _ = try await writer.post(customerID: referral.friendId, at: now) { _ in plans.friend }
        try await sql.raw(
            """
            UPDATE loyalty_referrals SET status = 'rewarded', decided_at = \(bind: Instant(now).milliseconds)
            WHERE id = \(bind: referral.id)
            """
        ).run()
    }

    /// The facts the fraud rules screen: both parties' contact details, the friend's orders before this one (a new
    /// customer has none), and when the advocate's earlier referrals were rewarded.
    private func candidate(for referral: ReferralRow, firstOrder orderID: Int64, at now: Date) async throws
        -> ReferralCandidate
    {
        struct Party: Decodable { var id: Int64; var email: String?; var phone: String? }
        func party(_ id: Int64) async throws -> ReferralParty {
            let row = try await sql.raw("SELECT id, email, phone FROM customers WHERE id = \(bind: id)")
                .first(decoding: Party.self)
            return ReferralParty(customerID: "\(id)", email: row?.email, phone: row?.phone)
        }
        let prior =
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM orders o, orders this
                WHERE this.id = \(bind: orderID) AND o.customer_id = \(bind: referral.friendId) AND o.id <> this.id
                AND (o.placed_at < this.placed_at OR (o.placed_at = this.placed_at AND o.id < this.id))
                """
            ).first(decodingColumn: "n", as: Int.self) ?? 0
        let accepted = try await sql.raw(
            """
            SELECT decided_at FROM loyalty_referrals
            WHERE advocate_id = \(bind: referral.advocateId) AND status = 'rewarded' AND decided_at IS NOT NULL
            """
        ).all(decodingColumn: "decided_at", as: Int64.self)
        return ReferralCandidate(
            advocate: try await party(referral.advocateId), friend: try await party(referral.friendId),
            friendPriorOrders: prior, advocateAcceptedReferrals: accepted.map { Instant(milliseconds: $0).date },
            at: now)
    }
}
