import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit

/// Affiliate mode: advocates earn a commission on their referred customers' net orders for N months, accrued in
/// money (base-currency minor units) on an append-only ledger of their own (`affiliate_entries`), beside their
/// points. Every order or refund of a referred customer appends the change in the commission to date (computed by
/// `AffiliateCommissionRule` over all their referred customers' orders), so refunds reduce what is payable exactly;
/// payouts are negative entries. Payable = the sum of the advocate's entries.
struct AffiliateCommissions: Sendable {
    let sql: any SQLDatabase
    let settings: LoyaltySettings

    /// Accrues the change in commission for the advocate who referred `customerID`, keyed by `reference` (the order
    /// or refund that caused it), so a retried trigger accrues nothing more.
    func orderChanged(customerID: Int64, reference: String, at now: Date) async throws {
        guard let rule = settings.program.referrals?.commission,
            let advocate = try await sql.raw(
                """
                SELECT advocate_id FROM loyalty_referrals WHERE friend_id = \(bind: customerID) AND status <> 'rejected'
                """
            ).first(decodingColumn: "advocate_id", as: Int64.self)
        else { return }
        try await LoyaltyLedgerStore(sql: sql).lockAccount(advocate)
        let currency = settings.program.earning.currency
        struct Referred: Decodable { var friendId: Int64; var createdAt: Int64 }
        let referred = try await sql.raw(
            """
            SELECT friend_id, created_at FROM loyalty_referrals
            WHERE advocate_id = \(bind: advocate) AND status <> 'rejected'
            """
        ).all(decoding: Referred.self, keyDecodingStrategy: .convertFromSnakeCase)
        struct Order: Decodable { var id: Int64; var customerId: Int64; var placedAt: Int64; var net: Int64 }
        let orders = try await sql.raw(
            """
            SELECT o.id, o.customer_id, o.placed_at,
                o.base_total_minor - CAST(COALESCE((SELECT SUM(r.base_amount_minor) FROM refunds r WHERE r.order_id = o.id), 0) AS BIGINT) AS net
            FROM orders o JOIN loyalty_referrals f ON f.friend_id = o.customer_id
            WHERE f.advocate_id = \(bind: advocate) AND f.status <> 'rejected' AND o.cancelled_at IS NULL
            """
        ).all(decoding: Order.self, keyDecodingStrategy: .convertFromSnakeCase)
        let commission = try rule.commission(
            customers: referred.map {
                ReferredCustomer(customerID: "\($0.friendId)", referredAt: Instant(milliseconds: $0.createdAt).date)
            },
            orders: orders.map {
                ReferredOrder(
                    customerID: "\($0.customerId)", orderID: "\($0.id)",
                    placedAt: Instant(milliseconds: $0.placedAt).date,
                    netValue: Money(minorUnits: $0.net, currency: currency))
            }, currency: currency)
        let accrued =
            try await sql.raw(
                """
                SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM affiliate_entries
                WHERE advocate_id = \(bind: advocate) AND kind = 'accrual'
                """
            ).first(decodingColumn: "total", as: Int64.self) ?? 0
        let change = commission.commission.minorUnits - accrued
        guard change != 0 else { return }
        try await sql.raw(
            """
            INSERT INTO affiliate_entries (advocate_id, kind, amount_minor, currency, reference, created_at)
            VALUES (\(bind: advocate), 'accrual', \(bind: change), \(bind: currency.code),
                \(bind: "\(reference):\(commission.commission.minorUnits)"),
                \(bind: Instant(now).milliseconds))
            ON CONFLICT (advocate_id, reference) DO NOTHING
            """
        ).run()
    }

    enum Refusal: Error, Equatable {
        case exceedsPayable(payable: Int64)
    }

    /// Records a payout to the advocate (a negative entry), once per reference; it cannot exceed what is payable.
    func pay(advocateID: Int64, amountMinor: Int64, reference: String, actor: String, at now: Date) async throws {
        try await LoyaltyLedgerStore(sql: sql).lockAccount(advocateID)
        let recorded = try await sql.raw(
            """
            SELECT id FROM affiliate_entries WHERE advocate_id = \(bind: advocateID) AND reference = \(bind: "payout:\(reference)")
            """
        ).first()
        guard recorded == nil else { return }
        let payable = try await Self.payable(advocateID: advocateID, on: sql)
        guard amountMinor <= payable else { throw Refusal.exceedsPayable(payable: payable) }
        try await sql.raw(
            """
            INSERT INTO affiliate_entries (advocate_id, kind, amount_minor, currency, reference, actor, created_at)
            VALUES (\(bind: advocateID), 'payout', \(bind: -amountMinor), \(bind: settings.program.earning.currency.code),
                \(bind: "payout:\(reference)"), \(bind: actor), \(bind: Instant(now).milliseconds))
            ON CONFLICT (advocate_id, reference) DO NOTHING
            """
        ).run()
    }

    static func payable(advocateID: Int64, on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw(
            "SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM affiliate_entries WHERE advocate_id = \(bind: advocateID)"
        ).first(decodingColumn: "total", as: Int64.self) ?? 0
    }
}
