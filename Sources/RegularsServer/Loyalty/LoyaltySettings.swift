import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit

/// The merchant's loyalty programme as stored (one JSON value under the `loyalty` settings key, so every instance
/// of a PostgreSQL deployment applies the same rules): the pure rules of `RegularsLoyalty` plus what only the
/// server needs — whether the programme runs, from when orders earn, and where discount codes are sent.
struct LoyaltySettings: Codable, Sendable, Equatable {
    /// Orders earn, actions reward and rewards can be redeemed only while enabled.
    var enabled: Bool
    /// Orders placed before this instant never earn (history imported later is not rewarded twice by a launch).
    var launchedAt: Date
    var program: LoyaltyProgram
    /// Prefix of issued discount codes, e.g. `REG` → `REG-7KQ4-M2XD-9PTA`.
    var codePrefix: String
    /// Where issued codes are POSTed as Standard Webhooks (`loyalty.code.issued`); `nil`: no webhook.
    var codeWebhookURL: String?
    /// The Standard Webhooks signing secret (`whsec_…`), generated when the programme is first saved.
    var codeWebhookSecret: String
    /// With both set, codes are also created in Shopify through the Admin GraphQL API (`discountCodeBasicCreate`).
    var shopifyShopDomain: String?
    var shopifyAccessToken: String?
    /// The storefront page referral links point at (`?ref=CODE` is appended); `nil`: the public URL.
    var referralLandingURL: String?

    static let settingsKey = "loyalty"

    /// A sensible programme for `store`, disabled until the merchant saves it: 1 point per whole unit of currency,
    /// 100 points worth 1 unit, a 30-day return window, points valid a year, three tiers on points earned in a
    /// rolling 12 months, and two-sided referral rewards.
    static func starter(for store: StoreSettings, at now: Date) -> LoyaltySettings {
        let zone = LoyaltyTimeZone(store.timeZone.identifier) ?? .utc
        let unit = store.baseCurrency.minorUnitsPerMajor
        let earning = EarningRules(
            currency: store.baseCurrency, timeZone: zone, rate: PointsRate(points: 1, perMinorUnits: unit),
            actions: [
                ActionRule(action: .accountCreated, points: 50, frequency: .onceEver),
                ActionRule(action: .firstOrder, points: 50, frequency: .onceEver),
                ActionRule(action: .birthday, points: 100, frequency: .oncePerYear),
                ActionRule(action: .productReview, points: 25, frequency: .oncePerSubject),
                ActionRule(action: .npsAnswered, points: 10, frequency: .oncePerSubject),
                ActionRule(action: .newsletterSignup, points: 25, frequency: .onceEver),
                ActionRule(action: .socialFollow, points: 10, frequency: .oncePerSubject),
                ActionRule(action: .referral, points: 200, frequency: .oncePerSubject),
            ])
        let tiers = TierProgram(
            metric: .pointsEarned, window: .rolling12Months, gracePeriodDays: 30, timeZone: zone,
            tiers: [
                Tier(id: "bronze", name: "Bronze", threshold: 0),
                Tier(
                    id: "silver", name: "Silver", threshold: 500,
                    benefits: TierBenefits(earningMultiplier: Multiplier(tenThousandths: 12_500))),
                Tier(
                    id: "gold", name: "Gold", threshold: 1_500,
                    benefits: TierBenefits(
                        earningMultiplier: Multiplier(tenThousandths: 15_000), earlyAccess: true, freeShipping: true)),
            ])
        let referrals = ReferralProgram(
            friendPoints: 100, minimumOrderValue: Money(minorUnits: 20 * unit, currency: store.baseCurrency),
            fraud: ReferralFraudRules(cap: ReferralCap(maximum: 10, period: .calendarMonth), timeZone: zone))
        let program = LoyaltyProgram(
            earning: earning, ledger: LedgerPolicy(timeZone: zone),
            redemptionValue: RedemptionValue(minorUnits: unit, points: 100), tiers: tiers, referrals: referrals)
        return LoyaltySettings(
            enabled: false, launchedAt: now, program: program, codePrefix: "REG", codeWebhookURL: nil,
            codeWebhookSecret: StandardWebhookSignature.makeSecret(), shopifyShopDomain: nil, shopifyAccessToken: nil,
            referralLandingURL: nil)
    }

    /// Everything wrong with the settings, in words for the admin; empty when they can be saved.
    var problems: [String] {
        var problems = program.problems
        if codePrefix.isEmpty || codePrefix.count > 12
            || !codePrefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        {
            problems.append("the code prefix must be 1 to 12 letters or digits")
        }
        if let url = codeWebhookURL, URL(string: url)?.scheme?.hasPrefix("http") != true {
            problems.append("the code webhook URL must be an http(s) URL")
        }
        if (shopifyShopDomain == nil) != (shopifyAccessToken == nil) {
            problems.append("Shopify needs both the shop domain and the access token")
        }
        return problems
    }
}
