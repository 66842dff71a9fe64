import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct ActionTests {
    let start = Fixtures.utc(2025, 3, 10)

    private func rules(_ actions: [ActionRule], zone: String = "UTC") -> EarningRules {
        var rules = Fixtures.rules
        rules.actions = actions
        rules.timeZone = LoyaltyTimeZone(zone)!
        return rules
    }

    @Test func onceEverActionsEarnOnce() throws {
        var harness = LedgerHarness()
        let rules = rules([
            ActionRule(action: .accountCreated, points: 50, frequency: .onceEver),
            ActionRule(action: .newsletterSignup, points: 25, frequency: .onceEver),
        ])

        for action in [LoyaltyAction.accountCreated, .newsletterSignup, .newsletterSignup, .accountCreated] {
            try harness.apply(
                harness.ledger.planAction(ActionEvent(action: action, at: start), rules: rules, policy: harness.policy))
        }

        #expect(harness.ledger.entries.map(\.key.value) == ["action:account_created", "action:newsletter_signup"])
        #expect(harness.ledger.balance == 75)
    }

    @Test func oncePerYearUsesTheStoreLocalYear() throws {
        var harness = LedgerHarness()
        let rules = rules([ActionRule(action: .npsAnswered, points: 10, frequency: .oncePerYear)], zone: "Asia/Tokyo")
        // 2024-12-31 14:30 UTC is already 2025-01-01 in Tokyo.
        let instants = [
            Fixtures.utc(2024, 12, 31, 14, 0), Fixtures.utc(2024, 12, 31, 15, 30), Fixtures.utc(2025, 6, 1),
        ]

        for instant in instants {
            try harness.apply(
                harness.ledger.planAction(
                    ActionEvent(action: .npsAnswered, at: instant, subject: "survey"), rules: rules,
                    policy: harness.policy))
        }

        #expect(harness.ledger.entries.map(\.key.value) == ["action:nps_answered:2024", "action:nps_answered:2025"])
    }

    @Test func oncePerDayAndPerMonthAndPerSubject() throws {
        let daily = rules([ActionRule(action: .socialFollow, points: 5, frequency: .oncePerDay)])
        let monthly = rules([ActionRule(action: .socialFollow, points: 5, frequency: .oncePerMonth)])
        let perSubject = rules([ActionRule(action: .socialFollow, points: 5, frequency: .oncePerSubject)])
        let event = ActionEvent(action: .socialFollow, at: start, subject: "instagram")
        let rule = try #require(daily.rule(for: .socialFollow))

        #expect(try daily.key(for: event, rule: rule).value == "action:social_follow:2025-03-10")
        #expect(
            try monthly.key(for: event, rule: monthly.rule(for: .socialFollow)!).value == "action:social_follow:2025-03"
        )
        #expect(
            try perSubject.key(for: event, rule: perSubject.rule(for: .socialFollow)!).value
                == "action:social_follow:instagram")
        #expect(throws: ActionRefusal.missingSubject(.socialFollow)) {
            try perSubject.key(
                for: ActionEvent(action: .socialFollow, at: start), rule: perSubject.rule(for: .socialFollow)!)
        }
    }

    @Test func actionsTheMerchantDoesNotRewardAreRefused() {
        let ledger = Ledger()

        #expect(throws: ActionRefusal.notConfigured(.productReview)) {
            try ledger.planAction(
                ActionEvent(action: .productReview, at: start, subject: "p"), rules: Fixtures.rules,
                policy: Fixtures.policy())
        }
    }

    @Test func reviewsOfDifferentProductsEachEarn() throws {
        var harness = LedgerHarness()
        let rules = rules([ActionRule(action: .productReview, points: 20, frequency: .oncePerSubject)])

        for product in ["a", "b", "a", "c", "b"] {
            try harness.apply(
                harness.ledger.planAction(
                    ActionEvent(action: .productReview, at: start, subject: product), rules: rules,
                    policy: harness.policy))
        }

        #expect(harness.ledger.balance == 60)
        #expect(harness.ledger.entries.allSatisfy { $0.status == .available && $0.kind == .earn })
    }

    @Test func theFirstOrderBonusIsPendingWithItsOrder() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 14))
        let rules = rules([ActionRule(action: .firstOrder, points: 100, frequency: .onceEver)])
        let order = Fixtures.order("1", total: 5_000, placedAt: start)

        let entries = try harness.apply(
            harness.ledger.planAction(.firstOrder(order, at: start), rules: rules, policy: harness.policy))

        #expect(entries.map(\.status) == [.pending])
        #expect(entries[0].orderID == "1" && entries[0].orderValue == Fixtures.usd(5_000))
        #expect(entries[0].unlocksAt == Fixtures.days(14, after: start))
    }
}
