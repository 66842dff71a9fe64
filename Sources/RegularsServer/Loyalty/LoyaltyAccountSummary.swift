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

    struct AccountRow {
        var tierId: String?
        var referralCode: String?
        var nextMaintenanceAt: Int64?
        var summary: String?

        /// Decoded column by column: this read serves every balance request, and the keyed decoder cost more than
        /// the query.
        init(_ row: any SQLRow) throws {
            tierId = try row.decode(column: "tier_id", as: String?.self)
            referralCode = try row.decode(column: "referral_code", as: String?.self)
            nextMaintenanceAt = try row.decode(column: "next_maintenance_at", as: Int64?.self)
            summary = try row.decode(column: "summary", as: String?.self)
        }
    }

    /// The customer's account, or `nil` when the customer does not exist. Reads the snapshot stored with the last
    /// write while it is current; folds the ledger when an unlock, expiry or review has come due since.
    static func load(
        customerID: Int64, settings: LoyaltySettings, publicURL: String, at now: Date, on sql: any SQLDatabase
    ) async throws -> LoyaltyAccountSummary? {
        guard
            let account = try await sql.raw(
                """
                SELECT c.id AS customer, a.tier_id, a.referral_code, a.next_maintenance_at, a.summary
                FROM customers c LEFT JOIN loyalty_accounts a ON a.customer_id = c.id WHERE c.id = \(bind: customerID)
                """
            ).first().map(AccountRow.init)
        else { return nil }
        let program = settings.program
        let current = account.nextMaintenanceAt.map { $0 > Instant(now).milliseconds } ?? true
        let snapshot: LoyaltyAccountSnapshot
        if current, let text = account.summary,
            let stored = try? JSONDecoder().decode(LoyaltyAccountSnapshot.self, from: Data(text.utf8))
        {
            snapshot = stored
        } else {
            let ledger = try await LoyaltyLedgerStore.ledger(customerID, on: sql).settled(at: now)
            var qualifying: Int64?
            if let tiers = program.tiers {
                let activity: [TierActivity] =
                    tiers.metric == .pointsEarned
                    ? TierActivity.pointsEarned(in: ledger)
                    : try await TierActivity.spend(customerID: customerID, on: sql)
                qualifying = tiers.qualifyingValue(of: activity, at: now)
            }
            snapshot = LoyaltyAccountSnapshot(
                ledger: ledger, at: now, timeZone: program.ledger.timeZone.timeZone, qualifyingValue: qualifying)
        }
        var tierView: TierView?
        var nextTier: NextTier?
        if let tiers = program.tiers, let tier = tiers.tier(id: account.tierId ?? "") ?? tiers.tiers.first {
            tierView = TierView(
                id: tier.id, name: tier.name, earningMultiplier: tier.benefits.earningMultiplier.description,
                freeShipping: tier.benefits.freeShipping, earlyAccess: tier.benefits.earlyAccess)
            if let index = tiers.tiers.firstIndex(where: { $0.id == tier.id }), index + 1 < tiers.tiers.count {
                let next = tiers.tiers[index + 1]
                let progress = snapshot.qualifyingValue ?? 0
                nextTier = NextTier(
                    id: next.id, name: next.name, threshold: next.threshold, progress: progress,
                    remaining: max(0, next.threshold - progress), metric: tiers.metric.rawValue)
            }
        }
        let code = account.referralCode ?? ""
        let landing = settings.referralLandingURL ?? publicURL
        return LoyaltyAccountSummary(
            customerId: customerID, balance: snapshot.balance,
            balanceValue: MoneyDTO(
                minorUnits: program.redemptionValue.value(ofPoints: max(0, snapshot.balance)),
                currency: program.earning.currency.code),
            pending: snapshot.pending, debt: snapshot.debt, tier: tierView, nextTier: nextTier,
            nextExpiry: snapshot.expirySchedule.first, expirySchedule: snapshot.expirySchedule,
            pendingUnlocks: snapshot.pendingUnlocks, referralCode: code,
            referralLink: code.isEmpty ? "" : "\(landing.trimmingSuffix("/"))/r/\(code)")
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
