import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit

/// Everything the shopper's My rewards page and its JSON twin show, for one customer, in one language.
struct RewardsPageContent: Encodable, Sendable {
    var token: String
    var customerName: String
    var account: LoyaltyAccountSummary
    var balanceValueText: String
    var tierText: String?
    var nextTierText: String?
    var progressPercent: Int
    /// Pending points by the shopper's local date they become spendable.
    var unlocks: [UnlockLine]
    var history: [HistoryLine]
    var rewards: [RewardOption]
    var codes: [IssuedCode]
    var redeemedCode: String?
    var message: String?

    struct HistoryLine: Encodable, Sendable {
        var date: String
        var description: String
        var points: String
        var status: String
    }

    struct UnlockLine: Encodable, Sendable {
        var date: String
        var points: Int64
    }

    struct RewardOption: Encodable, Sendable {
        var id: Int64
        var name: String
        var pointsCost: Int64
        var canRedeem: Bool
        var note: String?
    }

    struct IssuedCode: Encodable, Sendable {
        var code: String
        var reward: String
        var status: String
        var date: String
    }

    static func load(
        link: RewardsLink, token: String, locale: SupportedLocale, services: RegularsServices, at now: Date
    ) async throws -> RewardsPageContent? {
        let settings = try await services.loyaltySettings()
        let store = services.configuration.store
        let catalogue = Catalogue.shared
        try await LoyaltyLedgerStore.ensureAccount(link.customerID, in: services.database)
        return try await services.database.read { sql in
            struct Customer: Decodable { var firstName: String?; var lastName: String?; var timeZone: String? }
            guard
                let customer = try await sql.raw(
                    "SELECT first_name, last_name, time_zone FROM customers WHERE id = \(bind: link.customerID) AND redacted_at IS NULL"
                ).first(decoding: Customer.self, keyDecodingStrategy: .convertFromSnakeCase),
                let account = try await LoyaltyAccountSummary.load(
                    customerID: link.customerID, settings: settings, publicURL: services.configuration.baseURL,
                    at: now, on: sql)
            else { return nil }
            let zone = customer.timeZone.flatMap(TimeZone.init(identifier:)) ?? store.timeZone
            let entries = try await LoyaltyEntryView.history(
                customerID: link.customerID, locale: locale, timeZone: zone, on: sql)
            let rewards = try await sql.raw(
                "SELECT \(unsafeRaw: LoyaltyReward.columns) FROM loyalty_rewards WHERE active = \(bind: true) ORDER BY points_cost, id"
            ).all(decoding: LoyaltyReward.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
                .map { LoyaltyReward($0, currency: store.baseCurrency) }
            let redemptions = try await LoyaltyRedemption.list(customerID: link.customerID, on: sql)
            let nowInstant = Instant(now)
            func text(_ key: String, _ values: [String: String] = [:]) -> String {
                values.reduce(catalogue.text(key, locale)) {
                    $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value)
                }
            }
            let options = rewards.compactMap { reward -> RewardOption? in
                let unavailable = reward.unavailability(at: nowInstant, tierID: account.tier?.id)
                if unavailable != nil, reward.tierIds.isEmpty == false { return nil }
                let short = account.balance < reward.pointsCost
                return RewardOption(
                    id: reward.id, name: reward.name, pointsCost: reward.pointsCost,
                    canRedeem: settings.enabled && unavailable == nil && !short,
                    note: unavailable != nil
                        ? text("rewards_unavailable")
                        : short
                            ? text("rewards_points_short", ["points": "\(reward.pointsCost - account.balance)"]) : nil)
            }
            var nextTierText: String?
            var progress = 100
            if let next = account.nextTier {
                let remaining =
                    next.metric == "spend"
                    ? Money(minorUnits: next.remaining, currency: store.baseCurrency).decimalString + " "
                        + store.baseCurrency.code
                    : "\(next.remaining)"
                nextTierText = text(
                    next.metric == "spend" ? "rewards_next_tier_spend" : "rewards_next_tier_points",
                    ["remaining": remaining, "tier": next.name])
                progress = next.threshold > 0 ? Int(min(100, max(0, next.progress * 100 / next.threshold))) : 100
            }
            return RewardsPageContent(
                token: token,
                customerName: [customer.firstName, customer.lastName].compactMap { $0 }.joined(separator: " "),
                account: account, balanceValueText: account.balanceValue.displayText,
                tierText: account.tier.map { text("rewards_tier_member", ["tier": $0.name]) },
                nextTierText: nextTierText, progressPercent: progress,
                unlocks: account.pendingUnlocks.compactMap { unlock in
                    Instant(isoText: unlock.unlocksAt).map {
                        UnlockLine(date: LocalDate($0.date, in: zone).description, points: unlock.points)
                    }
                },
                history: entries.map {
                    HistoryLine(
                        date: String($0.createdAt.prefix(10)), description: $0.description,
                        points: $0.points > 0 ? "+\($0.points)" : "\($0.points)",
                        status: text("entry_status_\($0.status)"))
                },
                rewards: options,
                codes: redemptions.map {
                    IssuedCode(
                        code: $0.code, reward: $0.rewardName, status: text("code_status_\($0.status)"),
                        date: String($0.createdAt.prefix(10)))
                },
                redeemedCode: nil, message: nil)
        }
    }
}
