import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Vapor

/// A customer's points as the admin API, the shopper's page and the storefront JSON show them, as they stand now
/// (releases and expiries that are due count even if the clock has not written them yet). Call
/// `LoyaltyLedgerStore.ensureAccount` first so the customer has a referral code.
struct LoyaltyAccountSummary: Content, Equatable {
    var customerId: Int64
    /// Spendable points.
    var balance: Int64
    /// What the spendable points are worth at the redemption value.
    var balanceValue: MoneyDTO
    /// Points still inside their order's return window.
    var pending: Int64
    /// Points owed from refunds of spent points, taken from future earnings.
    var debt: Int64
    var tier: TierView?
    var nextTier: NextTier?
    /// The earliest date some spendable points expire, and how many.
    var nextExpiry: ExpiryView?
    var expirySchedule: [ExpiryView]
    var pendingUnlocks: [UnlockView]
    var referralCode: String
    var referralLink: String

    struct TierView: Content, Equatable {
        var id: String
        var name: String
        var earningMultiplier: String
        var freeShipping: Bool
        var earlyAccess: Bool
    }

    struct NextTier: Content, Equatable {
        var id: String
        var name: String
        var threshold: Int64
        /// The qualifying value so far in the current window (points earned or spend in minor units).
        var progress: Int64
        var remaining: Int64
        var metric: String
    }

    struct ExpiryView: Content, Equatable {
        var date: String
        var points: Int64
    }

    struct UnlockView: Content, Equatable {
        var unlocksAt: String
        var points: Int64
        var orderId: String?
    }

    struct AccountRow: Decodable {
        var tierId: String?
        var referralCode: String
    }

    static func load(
        customerID: Int64, settings: LoyaltySettings, publicURL: String, at now: Date, on sql: any SQLDatabase
    ) async throws -> LoyaltyAccountSummary? {
        guard
            try await sql.raw("SELECT id FROM customers WHERE id = \(bind: customerID)").first() != nil
        else { return nil }
        let account = try await sql.raw(
            "SELECT tier_id, referral_code FROM loyalty_accounts WHERE customer_id = \(bind: customerID)"
        ).first(decoding: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let ledger = try await LoyaltyLedgerStore.ledger(customerID, on: sql).settled(at: now)
        let zone = settings.program.ledger.timeZone.timeZone
        let schedule = ledger.expirySchedule(in: zone, at: now).map {
            ExpiryView(date: $0.date.description, points: $0.points)
        }
        let program = settings.program
        var tierView: TierView?
        var nextTier: NextTier?
        if let tiers = program.tiers, let current = tiers.tier(id: account?.tierId ?? "") ?? tiers.tiers.first {
            tierView = TierView(
                id: current.id, name: current.name, earningMultiplier: current.benefits.earningMultiplier.description,
                freeShipping: current.benefits.freeShipping, earlyAccess: current.benefits.earlyAccess)
            if let index = tiers.tiers.firstIndex(where: { $0.id == current.id }), index + 1 < tiers.tiers.count {
                let next = tiers.tiers[index + 1]
                let activity: [TierActivity] =
                    tiers.metric == .pointsEarned
                    ? TierActivity.pointsEarned(in: ledger)
                    : try await TierActivity.spend(customerID: customerID, on: sql)
                let progress = tiers.qualifyingValue(of: activity, at: now)
                nextTier = NextTier(
                    id: next.id, name: next.name, threshold: next.threshold, progress: progress,
                    remaining: max(0, next.threshold - progress), metric: tiers.metric.rawValue)
            }
        }
        let code = account?.referralCode ?? ""
        let landing = settings.referralLandingURL ?? publicURL
        return LoyaltyAccountSummary(
            customerId: customerID, balance: ledger.balance,
            balanceValue: MoneyDTO(
                minorUnits: program.redemptionValue.value(ofPoints: max(0, ledger.balance)),
                currency: program.earning.currency.code),
            pending: ledger.pendingPoints, debt: ledger.debt, tier: tierView, nextTier: nextTier,
            nextExpiry: schedule.first, expirySchedule: schedule,
            pendingUnlocks: ledger.pendingEntries.filter { $0.outstanding > 0 }.map {
                UnlockView(
                    unlocksAt: Instant($0.unlocksAt).iso8601, points: $0.outstanding, orderId: $0.orderID)
            },
            referralCode: code,
            referralLink: code.isEmpty ? "" : "\(landing.trimmingSuffix("/"))/r/\(code)")
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
