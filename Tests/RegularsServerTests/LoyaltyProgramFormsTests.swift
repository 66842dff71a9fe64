import Foundation
import RegularsCore
import RegularsLoyalty
import Testing

@testable import RegularsServer

/// The `/loyalty` forms' parsing and checking, without a server: what a post turns into, and the mistakes that
/// keep it from being saved.
@Suite struct LoyaltyProgramFormsTests {
    static let usd = CurrencyCode("USD")!

    static func starter() -> LoyaltyProgram {
        LoyaltySettings.starter(
            for: StoreSettings(
                name: "Test", baseCurrency: usd, timeZone: TimeZone(identifier: "UTC")!, defaultLocale: .en), at: Date()
        ).program
    }

    static func tiers(_ fields: [String: String]) -> LoyaltyTiersForm {
        LoyaltyTiersForm(fields: LoyaltyFormFields(fields), currency: usd, locale: .en)
    }

    @Test func spendThresholdsAreTypedInMajorUnitsAndStoredExactlyInMinorUnits() throws {
        let form = Self.tiers([
            "metric": "spend", "window": "calendar_year", "grace_days": "14",
            "tier_0_id": "bronze", "tier_0_name": "Bronze", "tier_0_threshold": "0", "tier_0_multiplier": "",
            "tier_1_id": "", "tier_1_name": "Gold Club", "tier_1_threshold": "250.10", "tier_1_multiplier": "1.25",
            "tier_1_free_shipping": "on",
            "tier_2_id": "", "tier_2_name": "", "tier_2_threshold": "", "tier_2_multiplier": "",
        ])

        let program = try form.program(applying: Self.starter())

        let tiers = try #require(program.tiers)
        #expect(tiers.metric == .spend)
        #expect(tiers.window == .calendarYear)
        #expect(tiers.gracePeriodDays == 14)
        #expect(tiers.tiers.map(\.id) == ["bronze", "gold-club"])
        #expect(tiers.tiers.map(\.threshold) == [0, 25_010])
        #expect(tiers.tiers.map(\.benefits.earningMultiplier.tenThousandths) == [10_000, 12_500])
        #expect(tiers.tiers.map(\.benefits.freeShipping) == [false, true])
    }

    @Test func theFormShowsStoredSpendThresholdsInMajorUnitsWithBlankRowsToAdd() {
        var program = Self.starter()
        program.tiers = TierProgram(
            metric: .spend, window: .rolling12Months,
            tiers: [Tier(id: "a", name: "A", threshold: 0), Tier(id: "b", name: "B", threshold: 100_005)])

        let form = LoyaltyTiersForm(program: program, currency: Self.usd, locale: .en)

        #expect(form.rows.map(\.threshold) == ["0.00", "1000.05", "", "", ""])
        #expect(form.rows.map(\.index) == [0, 1, 2, 3, 4])
    }

    @Test(arguments: [
        (["tier_1_threshold": "50", "tier_2_threshold": "20"], "threshold must be above"),
        (["tier_1_name": ""], "tier 2 needs a name"),
        (["tier_1_multiplier": "0"], "earning multiplier must be above 0"),
        (["tier_1_threshold": "12.345"], "threshold must be an amount"),
        (["grace_days": "-1"], "downgrade grace"),
    ])
    func aBadTiersFormIsRefusedWithTheMistakeInWords(change: [String: String], mistake: String) throws {
        var fields = [
            "metric": "spend", "window": "rolling_12_months", "grace_days": "30",
            "tier_0_id": "", "tier_0_name": "Member", "tier_0_threshold": "0", "tier_0_multiplier": "1",
            "tier_1_id": "", "tier_1_name": "Silver", "tier_1_threshold": "100", "tier_1_multiplier": "1.25",
            "tier_2_id": "", "tier_2_name": "Gold", "tier_2_threshold": "500", "tier_2_multiplier": "1.5",
        ]
        fields.merge(change) { $1 }

        let rejection = #expect(throws: LoyaltyFormRejection.self) {
            try Self.tiers(fields).program(applying: Self.starter())
        }

        #expect(rejection?.mistakes.contains { $0.contains(mistake) } == true, "\(rejection?.mistakes ?? [])")
    }

    @Test func removingEveryTierTurnsTiersOff() throws {
        let form = Self.tiers([
            "metric": "points_earned", "window": "rolling_12_months", "grace_days": "30",
            "tier_0_id": "bronze", "tier_0_name": "Bronze", "tier_0_threshold": "0", "tier_0_remove": "on",
        ])

        let program = try form.program(applying: Self.starter())

        #expect(Self.starter().tiers != nil)
        #expect(program.tiers == nil)
    }

    @Test func actionsAreRewardedOnlyWhenTickedAndKeepTheirFrequency() throws {
        let form = LoyaltyActionsForm(
            fields: LoyaltyFormFields([
                "action_birthday_enabled": "on", "action_birthday_points": "75",
                "action_social_follow_enabled": "on", "action_social_follow_points": "10",
                "action_first_order_points": "500",
            ]), currency: Self.usd, locale: .en)

        let program = try form.program(applying: Self.starter())

        #expect(program.earning.actions.map(\.action) == [.birthday, .socialFollow])
        #expect(program.earning.actions.map(\.points) == [75, 10])
        #expect(program.earning.actions.map(\.frequency) == [.oncePerYear, .oncePerSubject])
    }

    @Test func aTickedActionWithoutPositivePointsIsRefused() {
        let form = LoyaltyActionsForm(
            fields: LoyaltyFormFields(["action_birthday_enabled": "on", "action_birthday_points": "0"]),
            currency: Self.usd, locale: .en)

        let rejection = #expect(throws: LoyaltyFormRejection.self) { try form.program(applying: Self.starter()) }

        #expect(rejection?.mistakes == ["birthday must give positive points"])
    }

    @Test(
        arguments: [
            ("2026-12-06", "2026-12-05", "ends before it starts"),
            ("2026-02-30", "", "first day must be a date"),
            ("", "", nil),
        ] as [(String, String, String?)])
    func promotionDatesAreCheckedAsCalendarDays(starts: String, ends: String, mistake: String?) throws {
        let form = LoyaltyPromotionsForm(
            fields: LoyaltyFormFields([
                "promotion_0_name": "Weekend", "promotion_0_multiplier": "2", "promotion_0_starts": starts,
                "promotion_0_ends": ends, "promotion_0_categories": "shoes, bags ,",
            ]), currency: Self.usd, locale: .en)

        let result = Result { () throws(LoyaltyFormRejection) in try form.program(applying: Self.starter()) }

        switch (result, mistake) {
        case (.success(let program), nil):
            #expect(program.earning.promotions.first?.categories == ["shoes", "bags"])
        case (.failure(let rejection), let mistake?):
            #expect(rejection.mistakes.contains { $0.contains(mistake) }, "\(rejection.mistakes)")
        default:
            Issue.record("unexpected \(result)")
        }
    }

    @Test func referralRulesTurnIntoTheReferralProgrammeAndTheAdvocateRule() throws {
        let form = LoyaltyReferralRulesForm(
            fields: LoyaltyFormFields([
                "enabled": "on", "advocate_points": "300", "friend_points": "150", "minimum_order": "25.50",
                "email_or_phone_match": "hold_for_review", "address_match": "reject", "cap_maximum": "5",
                "cap_period": "calendar_year", "cap_verdict": "reject", "commission_rate": "7.5",
                "commission_months": "6",
            ]), currency: Self.usd, locale: .en)

        let program = try form.program(applying: Self.starter())

        let referrals = try #require(program.referrals)
        #expect(referrals.friendPoints == 150)
        #expect(referrals.minimumOrderValue == Money(minorUnits: 2_550, currency: Self.usd))
        #expect(referrals.fraud.emailOrPhoneMatch == .holdForReview)
        #expect(referrals.fraud.addressMatch == .reject)
        #expect(referrals.fraud.cap == ReferralCap(maximum: 5, period: .calendarYear, verdict: .reject))
        #expect(referrals.commission?.rate == Percentage(basisPoints: 750))
        #expect(referrals.commission?.months == 6)
        #expect(program.earning.rule(for: .referral)?.points == 300)
    }

    @Test func referralRulesWithANegativeFriendRewardAreRefused() {
        let form = LoyaltyReferralRulesForm(
            fields: LoyaltyFormFields([
                "enabled": "on", "friend_points": "-5", "email_or_phone_match": "reject",
                "address_match": "hold_for_review",
            ]), currency: Self.usd, locale: .en)

        let rejection = #expect(throws: LoyaltyFormRejection.self) { try form.program(applying: Self.starter()) }

        #expect(rejection?.mistakes == ["the friend's reward cannot be negative"])
    }
}
