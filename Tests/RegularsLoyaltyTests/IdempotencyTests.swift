import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct IdempotencyTests {
    let start = Fixtures.utc(2025, 1, 1)

    @Test func theSameOrderWebhookFiveTimesRecordsOneEntry() throws {
        var harness = LedgerHarness()
        let order = Fixtures.order("1001", total: 12_345, placedAt: start)
        let earned = Fixtures.points(order)

        var outcomes: [LedgerPlan] = []
        for attempt in 0..<5 {
            let plan = harness.ledger.planOrderPoints(
                earned, placedAt: start, policy: harness.policy, at: Fixtures.days(Double(attempt), after: start))
            outcomes.append(plan)
            try harness.apply(plan)
        }

        #expect(harness.ledger.entries.count == 1)
        #expect(harness.ledger.pendingPoints == 123)
        #expect(outcomes.dropFirst().allSatisfy { $0 == .alreadyRecorded(harness.ledger.entries) })
        harness.expectSound()
    }

    @Test func theSameRefundFiveTimesTakesBackOnce() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        try harness.order("1001", total: 10_000, placedAt: start)

        for _ in 0..<5 { try harness.refund("r-1", order: "1001", amount: 2_500, at: Fixtures.days(1, after: start)) }

        #expect(harness.ledger.entries.map(\.kind) == [.earn, .reverse])
        #expect(harness.ledger.balance == 75)
    }

    @Test func theSameActionFiveTimesEarnsOnce() throws {
        var harness = LedgerHarness()
        harness.rules.actions = [ActionRule(action: .productReview, points: 20, frequency: .oncePerSubject)]

        for attempt in 0..<5 {
            let event = ActionEvent(
                action: .productReview, at: Fixtures.days(Double(attempt), after: start), subject: "sku-9")
            try harness.apply(harness.ledger.planAction(event, rules: harness.rules, policy: harness.policy))
        }

        #expect(harness.ledger.entries.count == 1)
        #expect(harness.ledger.balance == 20)
    }

    @Test func theSameRedemptionFiveTimesSpendsOnce() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        try harness.grant(100, at: start, token: "a")
        let fingerprint = RequestFingerprint(method: "POST", path: "/api/redeem", parameters: ["points": "30"])
        let request = RedemptionRequest(points: 30, at: start, key: .api("K-1"), fingerprint: fingerprint)

        var plans: [LedgerPlan] = []
        for _ in 0..<5 {
            let plan = try harness.ledger.planRedemption(request)
            plans.append(plan)
            try harness.apply(plan)
        }

        #expect(harness.ledger.balance == 70)
        #expect(plans.filter(\.isReplay).count == 4)
        #expect(plans[4] == .alreadyRecorded(plans[0].newEntries))
    }

    @Test func aReusedKeyWithADifferentRequestIsAMismatch() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 0))
        try harness.grant(100, at: start, token: "a")
        let first = RequestFingerprint(method: "POST", path: "/api/redeem", parameters: ["points": "30"])
        let other = RequestFingerprint(method: "POST", path: "/api/redeem", parameters: ["points": "31"])
        try harness.apply(
            harness.ledger.planRedemption(RedemptionRequest(points: 30, at: start, key: .api("K"), fingerprint: first)))

        #expect(
            harness.ledger.idempotencyDecision(for: .api("K"), fingerprint: first)
                == .replay(harness.ledger.entries(withKey: .api("K"))))
        #expect(
            harness.ledger.idempotencyDecision(for: .api("K"), fingerprint: other)
                == .mismatch(stored: first, received: other))
        #expect(harness.ledger.idempotencyDecision(for: .api("new"), fingerprint: other) == .proceed)
        #expect(throws: LedgerRefusal.idempotencyKeyReused(key: .api("K"))) {
            try harness.ledger.planRedemption(
                RedemptionRequest(points: 31, at: start, key: .api("K"), fingerprint: other))
        }
    }

    @Test func fingerprintsIgnoreParameterOrderButNotValues() {
        let one = RequestFingerprint(method: "post", path: "/api/redeem", parameters: ["a": "1", "b": "2"])
        let same = RequestFingerprint(method: "POST", path: "/api/redeem", parameters: ["b": "2", "a": "1"])
        let smuggled = RequestFingerprint(method: "POST", path: "/api/redeem", parameters: ["a": "1\nb=2"])

        #expect(one == same)
        #expect(one != smuggled)
        #expect(one.value == "POST /api/redeem\na=1\nb=2")
    }

    @Test func keysNameTheirTrigger() {
        #expect(IdempotencyKey.order("1001").value == "order:1001:points")
        #expect(IdempotencyKey.order("1001", rule: "first_order").value == "order:1001:first_order")
        #expect(IdempotencyKey.refund("re_9").value == "refund:re_9")
        #expect(IdempotencyKey.api("abc").value == "api:abc")
        #expect(IdempotencyKey.birthday(year: 2028).value == "birthday:2028")
    }
}
