import Foundation
import RegularsCore
import RegularsLoyalty
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// The `/loyalty` forms for tiers, action rewards, promotions and referral rules: a good post changes the stored
/// programme and the page shows it; a bad one answers the page with the mistake beside the form and stores nothing.
@Suite struct LoyaltyPageFormsTests {
    static func post(_ app: Application, _ path: String, _ form: String, session: HTTPHeaders) async throws
        -> TestingHTTPResponse
    {
        var headers = session
        headers.replaceOrAdd(name: .accept, value: "text/html")
        let response = try await LoyaltyPageTests.post(app, path, form: form, session: headers, csrfFrom: "/loyalty")
        return try #require(response)
    }

    static func page(_ app: Application, session: HTTPHeaders) async throws -> String {
        var body = ""
        try await app.testing().test(.GET, "/loyalty", headers: session) { body = $0.body.string }
        return body
    }

    static let goodTiers =
        "metric=spend&window=calendar_year&grace_days=14"
        + "&tier_0_id=&tier_0_name=Member&tier_0_threshold=0&tier_0_multiplier=1"
        + "&tier_1_id=&tier_1_name=Gold+Club&tier_1_threshold=250.50&tier_1_multiplier=1.5&tier_1_free_shipping=on"
        + "&tier_1_early_access=on"
        + "&tier_2_id=&tier_2_name=&tier_2_threshold=&tier_2_multiplier="

    @Test(arguments: TestBackend.available)
    func tiersSavedThroughTheFormAreStoredAndShown(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let session = try await WebTests.signIn(app)
            #expect(app.regulars.configuration.store.baseCurrency.minorUnitDigits == 2)

            let saved = try await Self.post(app, "/loyalty/tiers", Self.goodTiers, session: session)
            let page = try await Self.page(app, session: session)

            #expect(saved.status == .seeOther)
            let tiers = try #require(try await app.regulars.loyaltySettings().program.tiers)
            #expect(tiers.metric == .spend)
            #expect(tiers.window == .calendarYear)
            #expect(tiers.gracePeriodDays == 14)
            #expect(tiers.tiers.map(\.name) == ["Member", "Gold Club"])
            #expect(tiers.tiers.map(\.threshold) == [0, 25_050])
            #expect(tiers.tiers.map(\.benefits.earningMultiplier) == [.one, Multiplier(tenThousandths: 15_000)])
            #expect(tiers.tiers[1].benefits.freeShipping && tiers.tiers[1].benefits.earlyAccess)
            #expect(page.contains(#"name="tier_1_name" value="Gold Club""#))
            #expect(page.contains(#"name="tier_1_threshold" value="250.50""#))
            #expect(page.contains(#"<option value="calendar_year" selected>The calendar year</option>"#))
        }
    }

    @Test(arguments: TestBackend.available)
    func badFormsAnswerThePageWithTheMistakeAndStoreNothing(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let session = try await WebTests.signIn(app)
            _ = try await Self.post(app, "/loyalty/tiers", Self.goodTiers, session: session)
            let before = try await app.regulars.loyaltySettings().program
            let base =
                "metric=spend&window=rolling_12_months&grace_days=30"
                + "&tier_0_id=&tier_0_name=Member&tier_0_threshold=0&tier_0_multiplier=1"
            let cases: [(path: String, form: String, mistake: String)] = [
                (
                    "/loyalty/tiers",
                    base + "&tier_1_id=&tier_1_name=Gold&tier_1_threshold=500&tier_1_multiplier=2"
                        + "&tier_2_id=&tier_2_name=Silver&tier_2_threshold=100&tier_2_multiplier=1.5",
                    "Silver&#39;s threshold must be above Gold&#39;s"
                ),
                (
                    "/loyalty/tiers", base + "&tier_1_id=&tier_1_name=&tier_1_threshold=100&tier_1_multiplier=2",
                    "tier 2 needs a name"
                ),
                (
                    "/loyalty/tiers", base + "&tier_1_id=&tier_1_name=Gold&tier_1_threshold=100&tier_1_multiplier=0",
                    "Gold&#39;s earning multiplier must be above 0"
                ),
                (
                    "/loyalty/promotions",
                    "promotion_0_name=Winter&promotion_0_multiplier=2&promotion_0_starts=2026-12-20"
                        + "&promotion_0_ends=2026-12-01&promotion_0_categories=",
                    "promotion Winter ends before it starts"
                ),
                (
                    "/loyalty/actions", "action_birthday_enabled=on&action_birthday_points=abc",
                    "birthday needs a whole number of points"
                ),
                (
                    "/loyalty/referral-rules",
                    "enabled=on&advocate_points=100&friend_points=50&minimum_order=ten&email_or_phone_match=reject"
                        + "&address_match=reject&cap_maximum=&commission_rate=",
                    "the minimum order must be an amount"
                ),
            ]

            for bad in cases {
                let answer = try await Self.post(app, bad.path, bad.form, session: session)
                let after = try await app.regulars.loyaltySettings().program

                #expect(answer.status == .unprocessableEntity, "\(bad.path): \(bad.mistake)")
                #expect(answer.body.string.contains(bad.mistake), "\(bad.path): \(bad.mistake)")
                #expect(answer.body.string.contains(#"<div class="notice error" role="alert">"#))
                #expect(after == before, "\(bad.path) stored something")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func actionRewardsRoundTrip(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let session = try await WebTests.signIn(app)

            let saved = try await Self.post(
                app, "/loyalty/actions",
                "action_account_created_enabled=on&action_account_created_points=40"
                    + "&action_newsletter_signup_enabled=on&action_newsletter_signup_points=15"
                    + "&action_birthday_points=100",
                session: session)
            let page = try await Self.page(app, session: session)

            #expect(saved.status == .seeOther)
            let actions = try await app.regulars.loyaltySettings().program.earning.actions
            #expect(actions.map(\.action) == [.accountCreated, .newsletterSignup])
            #expect(actions.map(\.points) == [40, 15])
            #expect(page.contains(#"name="action_account_created_enabled" checked"#))
            #expect(page.contains(#"name="action_newsletter_signup_points" min="1" value="15""#))
            #expect(!page.contains(#"name="action_birthday_enabled" checked"#))
        }
    }

    @Test(arguments: TestBackend.available)
    func promotionsRoundTripAndCanBeRemoved(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let session = try await WebTests.signIn(app)

            let added = try await Self.post(
                app, "/loyalty/promotions",
                "promotion_0_name=Double+weekend&promotion_0_multiplier=2&promotion_0_starts=2026-12-05"
                    + "&promotion_0_ends=2026-12-06&promotion_0_categories="
                    + "&promotion_1_name=Shoes&promotion_1_multiplier=1.5&promotion_1_starts=&promotion_1_ends="
                    + "&promotion_1_categories=shoes%2C+boots",
                session: session)
            let stored = try await app.regulars.loyaltySettings().program.earning.promotions
            let page = try await Self.page(app, session: session)
            let removed = try await Self.post(
                app, "/loyalty/promotions",
                "promotion_0_name=Double+weekend&promotion_0_multiplier=2&promotion_0_starts=2026-12-05"
                    + "&promotion_0_ends=2026-12-06&promotion_0_categories=&promotion_0_remove=on"
                    + "&promotion_1_name=Shoes&promotion_1_multiplier=1.5&promotion_1_starts=&promotion_1_ends="
                    + "&promotion_1_categories=shoes%2C+boots",
                session: session)
            let left = try await app.regulars.loyaltySettings().program.earning.promotions

            #expect(added.status == .seeOther)
            #expect(
                stored == [
                    Promotion(
                        name: "Double weekend", multiplier: Multiplier(tenThousandths: 20_000),
                        startDate: LocalDate(year: 2026, month: 12, day: 5),
                        endDate: LocalDate(year: 2026, month: 12, day: 6)),
                    Promotion(
                        name: "Shoes", multiplier: Multiplier(tenThousandths: 15_000), categories: ["shoes", "boots"]),
                ])
            #expect(page.contains(#"name="promotion_0_starts" value="2026-12-05""#))
            #expect(page.contains(#"name="promotion_1_categories" value="boots, shoes""#))
            #expect(removed.status == .seeOther)
            #expect(left.map(\.name) == ["Shoes"])
        }
    }

    @Test(arguments: TestBackend.available)
    func referralRulesRoundTrip(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let session = try await WebTests.signIn(app)

            let saved = try await Self.post(
                app, "/loyalty/referral-rules",
                "enabled=on&advocate_points=250&friend_points=120&minimum_order=30.00"
                    + "&email_or_phone_match=hold_for_review&address_match=reject&cap_maximum=4"
                    + "&cap_period=calendar_year&cap_verdict=reject&commission_rate=5&commission_months=3",
                session: session)
            let program = try await app.regulars.loyaltySettings().program
            let page = try await Self.page(app, session: session)
            let turnedOff = try await Self.post(
                app, "/loyalty/referral-rules", "advocate_points=250&friend_points=120", session: session)

            #expect(saved.status == .seeOther)
            let referrals = try #require(program.referrals)
            #expect(referrals.friendPoints == 120)
            #expect(referrals.minimumOrderValue?.minorUnits == 3_000)
            #expect(referrals.fraud.emailOrPhoneMatch == .holdForReview)
            #expect(referrals.fraud.addressMatch == .reject)
            #expect(referrals.fraud.cap == ReferralCap(maximum: 4, period: .calendarYear, verdict: .reject))
            #expect(referrals.commission?.rate == Percentage(basisPoints: 500))
            #expect(referrals.commission?.months == 3)
            #expect(program.earning.rule(for: .referral)?.points == 250)
            #expect(page.contains(#"name="minimum_order" inputmode="decimal" dir="ltr" size="10" value="30.00""#))
            #expect(page.contains(#"name="cap_maximum" min="1" value="4""#))
            #expect(turnedOff.status == .seeOther)
            #expect(try await app.regulars.loyaltySettings().program.referrals == nil)
        }
    }
}
