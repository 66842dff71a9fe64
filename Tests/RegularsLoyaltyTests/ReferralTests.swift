import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct ReferralTests {
    let now = Fixtures.utc(2025, 5, 20)
    let rules = ReferralFraudRules(cap: ReferralCap(maximum: 3, period: .calendarMonth), timeZone: .utc)

    private func candidate(
        advocate: ReferralParty = ReferralParty(customerID: "a", email: "ann@example.com", phone: "+44 20 7946 0001"),
        friend: ReferralParty = ReferralParty(customerID: "f", email: "fred@example.com", phone: "+44 20 7946 0002"),
        priorOrders: Int = 0, accepted: [Date] = []
    ) -> ReferralCandidate {
        ReferralCandidate(
            advocate: advocate, friend: friend, friendPriorOrders: priorOrders, advocateAcceptedReferrals: accepted,
            at: now)
    }

    @Test func aGenuineReferralIsAllowed() {
        #expect(rules.screen(candidate()) == .allow)
    }

    @Test func referringYourselfIsBlocked() {
        let sameAccount = candidate(friend: ReferralParty(customerID: "a"))
        let sameInbox = candidate(friend: ReferralParty(customerID: "f", email: "  A.N.N+freebies@GoogleMail.com "))
        let advocate = ReferralParty(customerID: "a", email: "ann@gmail.com")

        #expect(rules.screen(sameAccount) == .reject([.sameCustomer]))
        #expect(rules.screen(candidate(advocate: advocate, friend: sameInbox.friend)) == .reject([.sameEmail]))
    }

    @Test func theSamePhoneNumberWrittenDifferentlyIsBlocked() {
        let friend = ReferralParty(customerID: "f", phone: "0044 (20) 7946-0001")

        #expect(rules.screen(candidate(friend: friend)) == .reject([.samePhone]))
    }

    @Test func theSameShippingAddressIsHeldForReview() {
        let home = PostalAddress(
            line1: "12 Main Street", line2: "Apartment 4", city: "London", postalCode: "SW1A 1AA", country: "GB")
        let spelledDifferently = PostalAddress(
            line1: "12, MAIN ST.", line2: "apt 4", city: "Londres", postalCode: "sw1a1aa", country: "gb")
        let advocate = ReferralParty(customerID: "a", shippingAddress: home)
        let friend = ReferralParty(customerID: "f", shippingAddress: spelledDifferently)

        #expect(rules.screen(candidate(advocate: advocate, friend: friend)) == .holdForReview([.sameShippingAddress]))
    }

    @Test func theFriendMustBeANewCustomer() {
        #expect(rules.screen(candidate(priorOrders: 2)) == .reject([.friendNotNew(priorOrders: 2)]))
    }

    @Test func theAdvocateCapCountsOnlyThisPeriod() {
        let thisMonth = [Fixtures.utc(2025, 5, 1), Fixtures.utc(2025, 5, 2), Fixtures.utc(2025, 5, 19)]
        let lastMonth = [Fixtures.utc(2025, 4, 1), Fixtures.utc(2025, 4, 2), Fixtures.utc(2025, 4, 30)]

        #expect(rules.screen(candidate(accepted: thisMonth)) == .holdForReview([.advocateCapReached(limit: 3)]))
        #expect(rules.screen(candidate(accepted: lastMonth + thisMonth.prefix(2))) == .allow)
    }

    @Test func aRejectionWinsAndListsEveryReason() {
        let home = PostalAddress(line1: "1 High St", city: "X", postalCode: "1000", country: "BE")
        let screening = rules.screen(
            candidate(
                advocate: ReferralParty(customerID: "a", email: "x@y.com", shippingAddress: home),
                friend: ReferralParty(customerID: "f", email: "X@Y.com", shippingAddress: home), priorOrders: 1))

        #expect(screening == .reject([.sameEmail, .friendNotNew(priorOrders: 1), .sameShippingAddress]))
    }

    @Test func bothSidesAreRewardedOnceAndFollowTheFriendOrder() throws {
        var earning = Fixtures.rules
        earning.actions = [ActionRule(action: .referral, points: 500, frequency: .oncePerSubject)]
        let program = ReferralProgram(friendPoints: 250, minimumOrderValue: Fixtures.usd(2_000))
        let policy = Fixtures.policy(window: 14)
        var advocate = LedgerHarness(policy: policy)
        var friend = LedgerHarness(policy: policy)
        let order = Fixtures.order("F-1", total: 5_000, placedAt: now)
        let conversion = ReferralConversion(advocateCustomerID: "a", friendCustomerID: "f", friendOrder: order, at: now)

        for _ in 0..<3 {
            let plans = try program.planRewards(
                for: conversion, screening: .allow, advocateLedger: advocate.ledger, friendLedger: friend.ledger,
                rules: earning, policy: policy)
            try advocate.apply(plans.advocate)
            try friend.apply(plans.friend)
        }

        #expect(advocate.ledger.entries.map(\.key) == [.referralAdvocate(friend: "f")])
        #expect(friend.ledger.entries.map(\.key) == [.referralFriend])
        #expect(advocate.ledger.entries[0].kind == .referral && advocate.ledger.pendingPoints == 500)
        #expect(friend.ledger.pendingPoints == 250)

        let refund = OrderRefund.refund(
            id: "r", orderID: "F-1", amount: Fixtures.usd(5_000), at: Fixtures.days(2, after: now))
        try advocate.apply(advocate.ledger.planRefund(refund, policy: policy))
        try friend.apply(friend.ledger.planRefund(refund, policy: policy))

        #expect(advocate.ledger.spendableBalance(at: Fixtures.days(30, after: now)) == 0)
        #expect(friend.ledger.spendableBalance(at: Fixtures.days(30, after: now)) == 0)
    }

    @Test func heldOrSmallReferralsAreNotRewarded() {
        var earning = Fixtures.rules
        earning.actions = [ActionRule(action: .referral, points: 500, frequency: .oncePerSubject)]
        let program = ReferralProgram(friendPoints: 250, minimumOrderValue: Fixtures.usd(2_000))
        let small = ReferralConversion(
            advocateCustomerID: "a", friendCustomerID: "f",
            friendOrder: Fixtures.order("1", total: 1_999, placedAt: now), at: now)

        #expect(throws: ReferralRefusal.notAllowed(.holdForReview([.sameShippingAddress]))) {
            try program.planRewards(
                for: small, screening: .holdForReview([.sameShippingAddress]), advocateLedger: Ledger(),
                friendLedger: Ledger(), rules: earning, policy: Fixtures.policy())
        }
        #expect(throws: ReferralRefusal.orderBelowMinimum(minimum: Fixtures.usd(2_000), order: Fixtures.usd(1_999))) {
            try program.planRewards(
                for: small, screening: .allow, advocateLedger: Ledger(), friendLedger: Ledger(), rules: earning,
                policy: Fixtures.policy())
        }
    }

    @Test func commissionIsExactOnTheSumWithinTheWindow() throws {
        let rule = AffiliateCommissionRule(
            rate: Percentage("7.5")!, months: 6, timeZone: LoyaltyTimeZone("Europe/London")!)
        let referredAt = Fixtures.utc(2025, 1, 15, 10)
        let customers = [ReferredCustomer(customerID: "c1", referredAt: referredAt)]
        let orders = [
            ReferredOrder(customerID: "c1", orderID: "1", placedAt: referredAt, netValue: Fixtures.usd(3_333)),
            ReferredOrder(
                customerID: "c1", orderID: "2", placedAt: Fixtures.utc(2025, 3, 1), netValue: Fixtures.usd(3_333)),
            // 6 months later in London is 2025-07-15 10:00 BST = 09:00 UTC: the window ends there.
            ReferredOrder(
                customerID: "c1", orderID: "3", placedAt: Fixtures.utc(2025, 7, 15, 8, 59),
                netValue: Fixtures.usd(3_334)),
            ReferredOrder(
                customerID: "c1", orderID: "4", placedAt: Fixtures.utc(2025, 7, 15, 9, 0), netValue: Fixtures.usd(9_999)
            ),
            ReferredOrder(
                customerID: "c1", orderID: "5", placedAt: Fixtures.utc(2025, 2, 1), netValue: Fixtures.usd(0)),
            ReferredOrder(
                customerID: "c2", orderID: "6", placedAt: Fixtures.utc(2025, 2, 1), netValue: Fixtures.usd(5_000)),
            ReferredOrder(
                customerID: "c1", orderID: "7", placedAt: Fixtures.utc(2025, 1, 15, 9), netValue: Fixtures.usd(5_000)),
        ]

        let commission = try rule.commission(customers: customers, orders: orders, currency: Fixtures.usd)

        #expect(commission.eligibleOrders.map(\.orderID) == ["1", "2", "3"])
        #expect(commission.eligibleNet == Fixtures.usd(10_000))
        // Per order: ⌊249.975⌋ + ⌊249.975⌋ + ⌊250.05⌋ = 748; on the sum, exactly 750.
        #expect(commission.commission == Fixtures.usd(750))
    }

    @Test func commissionRoundsDownOnce() throws {
        let rule = AffiliateCommissionRule(rate: Percentage("12.25")!, months: 1)
        let orders = [ReferredOrder(customerID: "c", orderID: "1", placedAt: now, netValue: Fixtures.usd(999))]

        let commission = try rule.commission(
            customers: [ReferredCustomer(customerID: "c", referredAt: now)], orders: orders, currency: Fixtures.usd)

        #expect(commission.commission == Fixtures.usd(122))  // 122.3775
    }
}
