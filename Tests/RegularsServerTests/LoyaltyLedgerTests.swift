import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// The points ledger end to end: orders, refunds and cancellations arriving through the store's webhooks and the
/// order writer; expiry and birthdays through the maintenance clock; on SQLite and PostgreSQL. Every test ends by
/// checking the ledger invariants for every account.
@Suite struct LoyaltyLedgerTests {
    @Test(arguments: TestBackend.available)
    func theSameShopifyOrderDeliveredFiveTimesEarnsPointsOnce(backend: TestBackend) async throws {
        try await withTestApp(backend, environment: ShopifyWebhookTests.environment) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let fixture = String(decoding: try ShopifyWebhookTests.fixture("orders_create"), as: UTF8.self)
            let paid = fixture.replacingOccurrences(
                of: "\"financial_status\": \"voided\"", with: "\"financial_status\": \"paid\""
            )
            .replacingOccurrences(
                of: "\"cancelled_at\": \"2021-12-31T19:00:00-05:00\"", with: "\"cancelled_at\": null")
            #expect(paid != fixture)

            for attempt in 0..<5 {
                try await ShopifyWebhookTests.deliver(
                    app, topic: "orders/create", body: Data(paid.utf8), eventID: "evt-\(attempt % 2)"
                ) { response in #expect(response.status == .ok) }
            }

            let customerID = try #require(
                try await app.regulars.database.read { sql in
                    try await sql.raw("SELECT customer_id FROM orders").first(
                        decodingColumn: "customer_id", as: Int64.self)
                })
            let entries = try await LoyaltySample.entries(app, customerID, headers: headers)
            // The 2021 order is long past its return window: its points (and the first-order bonus) are spendable.
            #expect(entries.filter { $0.kind == "earn" }.count == 2)
            let account = try await LoyaltySample.account(app, customerID, headers: headers)
            // 404.95 paid less 10.00 shipping (which does not earn by default) → 394 points, plus the first-order 50.
            #expect(account.balance == 394 + 50)
            try await LoyaltySample.expectConsistent(app.regulars.database)
        }
    }

    @Test(arguments: TestBackend.available)
    func buyThenRefundInsideTheReturnWindowLeavesNoPoints(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("buyer@example.com", on: database)
            let order = try await Sample.upsert(
                LoyaltySample.order("1001", customerID: customer, totalMinor: 12_000, placedDaysAgo: 1), on: database)
            let pending = try await LoyaltySample.account(app, customer, headers: headers)

            _ = try await LoyaltySample.refund("r-1", orderID: order.id, amountMinor: 12_000, on: database)
            let account = try await LoyaltySample.account(app, customer, headers: headers)
            let maintained = try await LoyaltyMaintenance(database: database, store: app.regulars.configuration.store)
                .run(at: Date().addingTimeInterval(40 * LoyaltySample.day))
            let later = try await LoyaltySample.account(app, customer, headers: headers)

            #expect(pending.pending == 120 + 50)
            #expect(pending.balance == 0)
            #expect(account.pending == 0)
            #expect(account.balance == 0)
            #expect(maintained.accounts == 0)
            #expect(later.balance == 0)
            let entries = try await LoyaltySample.entries(app, customer, headers: headers)
            #expect(entries.filter { $0.kind == "reverse" }.allSatisfy { $0.status == "void" })
            #expect(entries.contains { $0.description.contains("before its points became available") })
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func aPartialRefundAfterTheWindowTakesBackItsShare(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app) { settings in
                settings.program.earning.actions.removeAll { $0.action == .firstOrder }
            }
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("keeper@example.com", on: database)
            let order = try await Sample.upsert(
                LoyaltySample.order("2001", customerID: customer, totalMinor: 10_000, placedDaysAgo: 45), on: database)
            let before = try await LoyaltySample.account(app, customer, headers: headers)

            _ = try await LoyaltySample.refund("r-2", orderID: order.id, amountMinor: 2_550, on: database)
            _ = try await LoyaltySample.refund("r-2", orderID: order.id, amountMinor: 2_550, on: database)
            let after = try await LoyaltySample.account(app, customer, headers: headers)

            #expect(before.balance == 100)
            // ⌈100 × 25.50 / 100.00⌉ = 26 taken back, once although the refund arrived twice.
            #expect(after.balance == 74)
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func refundingSpentPointsIsOwedFromFutureEarnings(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app) { settings in
                settings.program.earning.actions.removeAll { $0.action == .firstOrder }
            }
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("spender@example.com", on: database)
            let order = try await Sample.upsert(
                LoyaltySample.order("3001", customerID: customer, totalMinor: 10_000, placedDaysAgo: 45), on: database)
            let reward = try await LoyaltySample.reward(app, cost: 90, headers: headers)
            try await app.testing().test(
                .POST, "/api/loyalty/customers/\(customer)/redemptions", headers: headers,
                beforeRequest: { try $0.content.encode(["reward_id": reward.id]) },
                afterResponse: { #expect($0.status == .created) })

            _ = try await LoyaltySample.refund("r-3", orderID: order.id, amountMinor: 5_000, on: database)
            let owing = try await LoyaltySample.account(app, customer, headers: headers)
            _ = try await Sample.upsert(
                LoyaltySample.order("3002", customerID: customer, totalMinor: 10_000, placedDaysAgo: 40), on: database)
            let repaid = try await LoyaltySample.account(app, customer, headers: headers)

            // 50 to take back: 10 still in the order's lot, 40 already spent → owed, never a negative balance.
            #expect(owing.balance == 0)
            #expect(owing.debt == 40)
            #expect(repaid.debt == 0)
            #expect(repaid.balance == 60)
            let entries = try await LoyaltySample.entries(app, customer, headers: headers)
            #expect(entries.contains { $0.description.contains("will be deducted from the next points you earn") })
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func aCancelledOrderTakesBackItsPendingPoints(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("canceller@example.com", on: database)
            _ = try await Sample.upsert(
                LoyaltySample.order("4001", customerID: customer, totalMinor: 5_000, placedDaysAgo: 2), on: database)

            _ = try await Sample.upsert(
                LoyaltySample.order(
                    "4001", customerID: customer, totalMinor: 5_000, placedDaysAgo: 2, updatedLater: 3_600,
                    cancelled: true), on: database)
            let account = try await LoyaltySample.account(app, customer, headers: headers)

            #expect(account.pending == 0)
            #expect(account.balance == 0)
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func lotsExpireOldestFirstAndOnlyWhatIsLeftOfThem(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let settings = try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("saver@example.com", on: database)
            let now = Date()
            for (points, daysAgo) in [(20, 300.0), (50, 100.0)] {
                let at = now.addingTimeInterval(-daysAgo * LoyaltySample.day)
                _ = try await database.write { sql in
                    try await LoyaltyAccountWriter(sql: sql, settings: settings).post(customerID: customer, at: at) {
                        try $0.planAdjustment(
                            ManualAdjustment(
                                key: .adjustment("lot-\(points)"), points: Int64(points), actor: "test",
                                reason: "seed", at: at),
                            policy: settings.program.ledger)
                    }
                }
            }
            let reward = try await LoyaltySample.reward(app, cost: 10, headers: headers)
            try await app.testing().test(
                .POST, "/api/loyalty/customers/\(customer)/redemptions", headers: headers,
                beforeRequest: { try $0.content.encode(["reward_id": reward.id]) },
                afterResponse: { #expect($0.status == .created) })
            let clock = LoyaltyMaintenance(database: database, store: app.regulars.configuration.store)

            _ = try await clock.run(at: now.addingTimeInterval(70 * LoyaltySample.day))
            let afterFirst = try await LoyaltySample.entries(app, customer, headers: headers)
            _ = try await clock.run(at: now.addingTimeInterval(70 * LoyaltySample.day))
            _ = try await clock.run(at: now.addingTimeInterval(270 * LoyaltySample.day))
            let afterBoth = try await LoyaltySample.entries(app, customer, headers: headers)

            // The redemption took from the lot expiring first; its remaining 10 expire alone, then the other lot.
            #expect(afterFirst.filter { $0.kind == "expire" }.map(\.points) == [-10])
            #expect(afterBoth.filter { $0.kind == "expire" }.map(\.points).sorted() == [-50, -10])
            #expect(afterBoth.filter { $0.kind == "expire" }.count == 2)
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func birthdaysAreRewardedOnceAYearOnTheShoppersLocalDay(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let leap = try await Sample.customer("leap@example.com", on: database)
            let spring = try await Sample.customer("spring@example.com", on: database)
            try await database.write { sql in
                try await sql.raw(
                    "UPDATE customers SET birth_month = 2, birth_day = 29, time_zone = 'America/New_York' WHERE id = \(bind: leap)"
                ).run()
                try await sql.raw(
                    "UPDATE customers SET birth_month = 3, birth_day = 14, time_zone = 'America/New_York' WHERE id = \(bind: spring)"
                ).run()
            }
            let clock = LoyaltyMaintenance(database: database, store: app.regulars.configuration.store)
            func at(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

            // 2027 is a common year: Feb 29 birthdays are celebrated on Feb 28, local time (UTC−5).
            let early = try await clock.run(at: try at("2027-02-28T04:30:00Z"))  // still 27 February in New York
            let onDay = try await clock.run(at: try at("2027-02-28T15:00:00Z"))
            let again =  // 22:00 on 28 February in New York: the same celebration day
                try await clock.run(at: try at("2027-03-01T03:00:00Z"))
            // 14 March 2027 is the day US clocks spring forward: 23:30 local is 03:30 UTC the next day.
            let dst = try await clock.run(at: try at("2027-03-15T03:30:00Z"))
            let leapYear = try await clock.run(at: try at("2028-02-29T17:00:00Z"))

            #expect(early.birthdays == 0)
            #expect(onDay.birthdays == 1)
            #expect(again.birthdays == 0)
            #expect(dst.birthdays == 1)
            #expect(leapYear.birthdays == 1)
            let leapEntries = try await LoyaltySample.entries(app, leap, headers: headers)
            #expect(leapEntries.filter { $0.description.contains("birthday") }.count == 2)
            let springEntries = try await LoyaltySample.entries(app, spring, headers: headers)
            #expect(springEntries.filter { $0.description.contains("birthday") }.count == 1)
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func vipTiersFollowPointsEarnedNotTheSpendableBalance(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app) { settings in
                settings.program.earning.actions.removeAll { $0.action == .firstOrder }
            }
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("vip@example.com", on: database)
            _ = try await Sample.upsert(
                LoyaltySample.order("5001", customerID: customer, totalMinor: 60_000, placedDaysAgo: 40), on: database)
            let reward = try await LoyaltySample.reward(app, cost: 500, headers: headers)

            try await app.testing().test(
                .POST, "/api/loyalty/customers/\(customer)/redemptions", headers: headers,
                beforeRequest: { try $0.content.encode(["reward_id": reward.id]) },
                afterResponse: { #expect($0.status == .created) })
            let account = try await LoyaltySample.account(app, customer, headers: headers)
            let changes = try await database.read { sql in
                try await sql.raw("SELECT to_tier FROM loyalty_tier_changes WHERE customer_id = \(bind: customer)")
                    .all(decodingColumn: "to_tier", as: String.self)
            }

            // 600 points earned lifts the customer to Silver (500); spending them does not take it away.
            #expect(account.balance == 100)
            #expect(account.tier?.id == "silver")
            #expect(account.nextTier?.id == "gold")
            #expect(account.nextTier?.remaining == 900)
            #expect(changes == ["silver"])
            try await app.testing().test(.GET, "/api/customers/\(customer)", headers: headers) { response in
                let profile = try response.json(CustomerProfile.self)
                #expect(profile.timeline.contains { $0.kind == "tier" && $0.title == "Bronze → Silver" })
            }
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func mergingTwoCustomersCarriesBothLedgersOntoTheSurvivor(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            // Setup: an anonymous shopper and a signed-up one, each with points, a pending order and the other's
            // redemption history.
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let anonymous = CustomerIdentity(source: .anonymousID, externalID: "anon-7")
            let user = CustomerIdentity(source: .segmentUserID, externalID: "user-7")
            let first = try await Sample.customer("merge-a@example.com", identities: [anonymous], on: database)
            let second = try await Sample.customer("merge-b@example.com", identities: [user], on: database)
            try await LoyaltySample.grant(app, first, points: 300, headers: headers)
            try await LoyaltySample.grant(app, second, points: 200, headers: headers)
            _ = try await Sample.upsert(
                LoyaltySample.order("m-1", customerID: second, totalMinor: 5_000, placedDaysAgo: 1), on: database)
            let before = [
                try await LoyaltySample.account(app, first, headers: headers),
                try await LoyaltySample.account(app, second, headers: headers),
            ]
            let entriesBefore = try await Sample.count("loyalty_entries", on: database)

            // Action: identify links the two.
            let survivor = try await database.write { sql in
                try await CustomerWriter(sql: sql).resolve(
                    [anonymous, user], profile: CustomerInput(), at: Instant.now)
            }

            // Check: one customer whose balance and pending points are the sum of both, with every entry kept.
            #expect(try await Sample.count("customers", on: database) == 1)
            let after = try await LoyaltySample.account(app, survivor, headers: headers)
            #expect(after.balance == before[0].balance + before[1].balance)
            #expect(after.pending == before[0].pending + before[1].pending)
            #expect(after.pending > 0)
            #expect(try await Sample.count("loyalty_entries", on: database) == entriesBefore)
            let history = try await LoyaltySample.entries(app, survivor, headers: headers)
            #expect(history.count == entriesBefore)
            try await LoyaltySample.expectConsistent(database)
        }
    }
}
