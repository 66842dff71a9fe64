import Foundation
import Logging
import RegularsCore
import RegularsLoyalty
import SQLKit

/// What the ledger does when the store's orders change, inside the same transaction as the order write, so an
/// order and its points are stored together or not at all:
///
/// - a paid order (financial status paid, partially refunded or refunded) placed since the programme's launch earns
///   its points, pending for the return window, once (`order:<id>:points`), and the customer's first order also
///   earns the first-order bonus; a referred friend's first order converts the referral;
/// - a refund takes back points in proportion from every credit linked to its order (`refund:<id>`), and a
///   cancellation takes back all of them (`cancel:<order>`), in every ledger holding such credits (the advocate's
///   referral reward included);
/// - an order that used an issued reward's discount code marks the reward used;
/// - orders and refunds of a referred customer change their advocate's affiliate commission (affiliate mode).
struct LoyaltyOrderEarning: Sendable {
    let sql: any SQLDatabase

    static let earningStatuses: Set<String> = ["paid", "partially_refunded", "refunded"]

    func orderWritten(_ orderID: Int64, at now: Date = Instant.now.date) async throws {
        guard let settings = try await LoyaltySettings.enabled(on: sql),
            let order = try await LoyaltyOrderFacts.load(orderID, on: sql)
        else { return }
        try await markRewardsUsed(by: order, at: now)
        if let customerID = order.customerID {
            try await AffiliateCommissions(sql: sql, settings: settings).orderChanged(
                customerID: customerID, reference: "order:\(orderID):\(order.isCancelled ? "cancelled" : "placed")",
                at: now)
        }
        if order.isCancelled {
            let cancellation = OrderRefund.cancellation(
                orderID: "\(orderID)", currency: settings.program.earning.currency, at: now)
            try await takeBack(cancellation, orderID: orderID, settings: settings)
            return
        }
        guard let customerID = order.customerID, Self.earningStatuses.contains(order.financialStatus),
            order.placedAt >= settings.launchedAt
        else { return }
        let rules = settings.program.earning
        let policy = settings.program.ledger
        let writer = LoyaltyAccountWriter(sql: sql, settings: settings)
        let loyaltyOrder = order.loyaltyOrder(currency: rules.currency)
        let multiplier = try await tierMultiplier(customerID: customerID, settings: settings)
        let earned: OrderPoints
        do {
            earned = try rules.points(for: loyaltyOrder, tierMultiplier: multiplier)
        } catch {
            Logger(label: "regulars.loyalty").warning(
                "order \(orderID) earns no points", metadata: ["reason": "\(error)"])
            return
        }
        _ = try await writer.post(customerID: customerID, at: now) {
            $0.planOrderPoints(earned, placedAt: order.placedAt, policy: policy, at: now)
        }
        if rules.rule(for: .firstOrder) != nil, try await order.isFirstOrder(on: sql) {
            _ = try await writer.post(customerID: customerID, at: now) {
                try $0.planAction(.firstOrder(loyaltyOrder, at: now), rules: rules, policy: policy)
            }
        }
        try await ReferralConversions(sql: sql, settings: settings).friendOrdered(
            customerID: customerID, order: loyaltyOrder, orderID: orderID, at: now)
    }

    func refundRecorded(_ refundID: Int64, at now: Date = Instant.now.date) async throws {
        struct Refund: Decodable { var orderId: Int64; var baseAmountMinor: Int64; var customerId: Int64? }
        guard let settings = try await LoyaltySettings.enabled(on: sql),
            let refund = try await sql.raw(
                """
                SELECT r.order_id, r.base_amount_minor, o.customer_id FROM refunds r JOIN orders o ON o.id = r.order_id
                WHERE r.id = \(bind: refundID)
                """
            ).first(decoding: Refund.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return }
        if let customerID = refund.customerId {
            try await AffiliateCommissions(sql: sql, settings: settings).orderChanged(
                customerID: customerID, reference: "refund:\(refundID)", at: now)
        }
        let amount = Money(minorUnits: refund.baseAmountMinor, currency: settings.program.earning.currency)
        try await takeBack(
            .refund(id: "\(refundID)", orderID: "\(refund.orderId)", amount: amount, at: now), orderID: refund.orderId,
            settings: settings)
    }

    /// Applies a refund or cancellation to every ledger with credits linked to the order.
    private func takeBack(_ refund: OrderRefund, orderID: Int64, settings: LoyaltySettings) async throws {
        let customers = try await sql.raw(
            "SELECT DISTINCT customer_id FROM loyalty_entries WHERE order_id = \(bind: "\(orderID)")"
        ).all(decodingColumn: "customer_id", as: Int64.self)
        let writer = LoyaltyAccountWriter(sql: sql, settings: settings)
        for customerID in customers {
            _ = try await writer.post(customerID: customerID, at: refund.at) {
                try $0.planRefund(refund, policy: settings.program.ledger)
            }
        }
    }

    private func tierMultiplier(customerID: Int64, settings: LoyaltySettings) async throws -> Multiplier {
        guard let tiers = settings.program.tiers,
            let tierID = try await sql.raw(
                "SELECT tier_id FROM loyalty_accounts WHERE customer_id = \(bind: customerID)"
            ).first(decodingColumn: "tier_id", as: String?.self).flatMap({ $0 }),
            let tier = tiers.tier(id: tierID)
        else { return .one }
        return tier.benefits.earningMultiplier
    }

    private func markRewardsUsed(by order: LoyaltyOrderFacts, at now: Date) async throws {
        for code in order.discountCodes {
            try await sql.raw(
                """
                UPDATE loyalty_redemptions SET status = 'used', used_at = \(bind: Instant(now).milliseconds),
                    used_order_id = \(bind: order.id)
                WHERE code = \(bind: code.uppercased()) AND status = 'issued'
                """
            ).run()
        }
    }
}
