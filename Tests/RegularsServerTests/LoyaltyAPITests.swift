import Foundation
import NIOCore
import RegularsCore
import RegularsLoyalty
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// The loyalty admin API: redemptions (idempotency, concurrency), referrals, validation, and the shopper's signed
/// My rewards page and JSON.
@Suite struct LoyaltyAPITests {
    static func redeem(
        _ app: Application, customer: Int64, reward: Int64, key: String?, headers: HTTPHeaders,
        _ check: (TestingHTTPResponse) throws -> Void
    ) async throws {
        var headers = headers
        if let key { headers.add(name: "Idempotency-Key", value: key) }
        try await app.testing().test(
            .POST, "/api/loyalty/customers/\(customer)/redemptions", headers: headers,
            beforeRequest: { try $0.content.encode(["reward_id": reward]) }, afterResponse: check)
    }

    @Test(arguments: TestBackend.available)
    func anIdempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentRequest(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let customer = try await Sample.customer("repeat@example.com", on: app.regulars.database)
            try await LoyaltySample.grant(app, customer, points: 1_000, headers: headers)
            let cheap = try await LoyaltySample.reward(app, cost: 100, headers: headers)
            let dear = try await LoyaltySample.reward(app, cost: 200, headers: headers)
            var codes: [String] = []

            for _ in 0..<3 {
                try await Self.redeem(app, customer: customer, reward: cheap.id, key: "order-42", headers: headers) {
                    #expect($0.status == .created)
                    codes.append(try $0.json(LoyaltyRedemption.self).code)
                }
            }
            try await Self.redeem(app, customer: customer, reward: dear.id, key: "order-42", headers: headers) {
                #expect($0.status == .unprocessableEntity)
                #expect($0.problem?.title == "Idempotency-Key reused")
            }
            let account = try await LoyaltySample.account(app, customer, headers: headers)

            #expect(Set(codes).count == 1)
            #expect(codes.first?.hasPrefix("REG-") == true)
            #expect(account.balance == 900)
            try await LoyaltySample.expectConsistent(app.regulars.database)
        }
    }

    @Test(arguments: TestBackend.available)
    func aShortBalanceIsA409AndNothingIsWritten(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let customer = try await Sample.customer("short@example.com", on: app.regulars.database)
            try await LoyaltySample.grant(app, customer, points: 50, headers: headers)
            let reward = try await LoyaltySample.reward(app, cost: 100, headers: headers)

            try await Self.redeem(app, customer: customer, reward: reward.id, key: nil, headers: headers) {
                #expect($0.status == .conflict)
                #expect($0.problem?.detail == "The reward costs 100 points and 50 are available")
            }
            try await Self.redeem(app, customer: customer, reward: 9_999, key: nil, headers: headers) {
                #expect($0.status == .badRequest)
                #expect($0.problem?.invalidParams?.first?.name == "reward_id")
            }
            let redemptions = try await Sample.count("loyalty_redemptions", on: app.regulars.database)

            #expect(redemptions == 0)
            #expect(try await LoyaltySample.account(app, customer, headers: headers).balance == 50)
        }
    }

    @Test(arguments: TestBackend.available)
    func badAdjustmentsAndActionsAreProblemsNamingTheField(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let customer = try await Sample.customer("checked@example.com", on: app.regulars.database)
            var problems: [Problem?] = []

            for body in [#"{"points": 10, "reason": "  "}"#, #"{"points": 0, "reason": "x"}"#, #"{"reason": "x"}"#] {
                try await app.testing().test(
                    .POST, "/api/loyalty/customers/\(customer)/adjustments", headers: headers,
                    beforeRequest: { request in
                        request.headers.contentType = .json
                        request.body = ByteBuffer(string: body)
                    }, afterResponse: { problems.append($0.problem) })
            }
            try await app.testing().test(
                .POST, "/api/loyalty/customers/\(customer)/actions", headers: headers,
                beforeRequest: { try $0.content.encode(["action": "birthday"]) },
                afterResponse: { problems.append($0.problem) })
            try await app.testing().test(.GET, "/api/loyalty/customers/987654", headers: headers) {
                problems.append($0.problem)
            }

            #expect(problems.map { $0?.status } == [400, 400, 400, 400, 404])
            #expect(problems.prefix(2).map { $0?.invalidParams?.first?.name } == ["reason", "points"])
            #expect(problems[2]?.detail?.contains("points") == true)
            #expect(try await Sample.count("loyalty_entries", on: app.regulars.database) == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func actionsEarnOncePerTheirRule(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let customer = try await Sample.customer("reviewer@example.com", on: app.regulars.database)
            var statuses: [HTTPStatus] = []

            for subject in ["sku-1", "sku-1", "sku-2"] {
                try await app.testing().test(
                    .POST, "/api/loyalty/customers/\(customer)/actions", headers: headers,
                    beforeRequest: { try $0.content.encode(["action": "product_review", "subject": subject]) },
                    afterResponse: { statuses.append($0.status) })
            }

            #expect(statuses == [.created, .ok, .created])
            #expect(try await LoyaltySample.account(app, customer, headers: headers).balance == 50)
        }
    }

    @Test(arguments: TestBackend.available)
    func fiveHundredParallelRedemptionsNeverOverspend(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let customer = try await Sample.customer("racer@example.com", on: app.regulars.database)
            try await LoyaltySample.grant(app, customer, points: 5_050, headers: headers)
            let reward = try await LoyaltySample.reward(app, cost: 100, headers: headers)
            let port = try await app.startOnLoopback()
            // A real HTTP client on loopback, patient enough for 500 requests queued behind one account's lock.
            app.http.client.configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
            app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
            let client = app.client
            let url = URI(string: "http://127.0.0.1:\(port)/api/loyalty/customers/\(customer)/redemptions")

            let statuses = await withTaskGroup(of: String.self) { group in
                for attempt in 0..<500 {
                    group.addTask {
                        var requestHeaders = headers
                        requestHeaders.add(name: "Idempotency-Key", value: "race-\(attempt)")
                        do {
                            let response = try await client.post(url, headers: requestHeaders) { request in
                                try request.content.encode(["reward_id": reward.id])
                            }
                            return "\(response.status.code)"
                        } catch {
                            return "client error: \(error)"
                        }
                    }
                }
                var statuses: [String] = []
                for await status in group { statuses.append(status) }
                return statuses
            }
            await app.server.shutdown()
            let account = try await LoyaltySample.account(app, customer, headers: headers)

            #expect(statuses.filter { $0 == "201" }.count == 50)
            #expect(statuses.filter { $0 == "409" }.count == 450)
            #expect(Set(statuses).subtracting(["201", "409"]).isEmpty, "\(Set(statuses))")
            #expect(account.balance == 50)
            #expect(try await Sample.count("loyalty_redemptions", on: app.regulars.database) == 50)
            try await LoyaltySample.expectConsistent(app.regulars.database)
        }
    }

    @Test(arguments: TestBackend.available)
    func referralsRewardBothSidesOnceAndHoldOrRejectTheSuspicious(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app) { settings in
                settings.program.referrals?.fraud.cap = ReferralCap(maximum: 1, period: .calendarMonth)
            }
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let advocate = try await Sample.customer("advocate@example.com", on: database)
            let friend = try await Sample.customer("friend@example.com", on: database)
            let second = try await Sample.customer("second@example.com", on: database)
            let twin = try await Sample.customer("twin@example.com", on: database)
            try await database.write { sql in
                try await sql.raw(
                    "UPDATE customers SET phone = '+15551234567' WHERE id IN (\(bind: advocate), \(bind: twin))"
                )
                .run()
            }
            let code = try await LoyaltySample.account(app, advocate, headers: headers).referralCode
            func refer(_ friend: Int64, _ check: @escaping (TestingHTTPResponse) throws -> Void) async throws {
                try await app.testing().test(
                    .POST, "/api/loyalty/referrals", headers: headers,
                    beforeRequest: {
                        try $0.content.encode(
                            LoyaltyController.ReferInput(code: code, friendCustomerId: friend), using: JSONEncoder.api)
                    }, afterResponse: check)
            }

            try await refer(advocate) { #expect($0.status == .unprocessableEntity) }
            for person in [friend, second, twin] { try await refer(person) { #expect($0.status == .created) } }
            try await refer(friend) { #expect($0.status == .conflict) }
            for (index, person) in [friend, second, twin].enumerated() {
                for delivery in 0..<2 {
                    _ = try await Sample.upsert(
                        LoyaltySample.order(
                            "ref-\(index)", customerID: person, totalMinor: 3_000, placedDaysAgo: 1,
                            updatedLater: Double(delivery)), on: database)
                }
            }
            var statuses: [String] = []
            try await app.testing().test(.GET, "/api/loyalty/referrals", headers: headers) {
                statuses = try $0.json([LoyaltyReferralView].self).sorted { $0.friendId < $1.friendId }.map(\.status)
            }
            let advocateEntries = try await LoyaltySample.entries(app, advocate, headers: headers)
            let friendEntries = try await LoyaltySample.entries(app, friend, headers: headers)
            var funnel: ReferralFunnel?
            try await app.testing().test(
                .GET, "/api/loyalty/referrals/funnel?advocate_id=\(advocate)", headers: headers
            ) {
                funnel = try $0.json(ReferralFunnel.self)
            }

            // The friend is rewarded, the second is over the monthly cap (held), the twin shares the phone (rejected).
            #expect(statuses == ["rewarded", "held", "rejected"])
            #expect(advocateEntries.filter { $0.kind == "referral" }.map(\.points) == [200])
            #expect(advocateEntries.first { $0.kind == "referral" }?.status == "pending")
            #expect(friendEntries.filter { $0.kind == "referral" }.map(\.points) == [100])
            #expect(funnel?.signUps == 3)
            #expect(funnel?.firstOrders == 3)
            #expect(funnel?.rewarded == 1)
            #expect(funnel?.held == 1)
            try await LoyaltySample.expectConsistent(database)
        }
    }

    @Test(arguments: TestBackend.available)
    func theRewardsPageIsReachedOnlyThroughItsSignedLink(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let mine = try await Sample.customer("mine@example.com", first: "Layla", on: database)
            let theirs = try await Sample.customer("theirs@example.com", on: database)
            try await LoyaltySample.grant(app, mine, points: 300, headers: headers)
            _ = try await LoyaltySample.reward(app, cost: 100, headers: headers)
            var url = ""
            try await app.testing().test(.GET, "/api/loyalty/customers/\(mine)/link", headers: headers) {
                url = try $0.json(LoyaltyController.LinkView.self).url
            }
            let token = String(try #require(url.split(separator: "/").last))
            let parts = token.split(separator: ".")
            let forged = "\(theirs).\(parts[1]).\(parts[2])"
            let expired = RewardsLink(customerID: mine, expiresAt: Int64(Date().timeIntervalSince1970) - 10)
                .token(secret: app.regulars.secretKey)
            let html: HTTPHeaders = ["Accept": "text/html"]

            try await app.testing().test(.GET, "/rewards/\(token)?lang=ar", headers: html) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("dir=\"rtl\""))
                #expect(response.body.string.contains("مكافآتي"))
                #expect(response.body.string.contains("300"))
            }
            try await app.testing().test(.GET, "/rewards/\(token)?lang=zh", headers: html) { response in
                #expect(response.body.string.contains("我的奖励"))
            }
            try await app.testing().test(.GET, "/rewards/\(forged)", headers: html) { #expect($0.status == .notFound) }
            try await app.testing().test(.GET, "/rewards/\(expired)", headers: html) { #expect($0.status == .gone) }
            try await app.testing().test(.GET, "/api/shopper/rewards/\(token)") { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let account = body?["account"] as? [String: Any]
                #expect(account?["balance"] as? Int == 300)
                #expect((body?["rewards"] as? [[String: Any]])?.first?["can_redeem"] as? Bool == true)
            }
            try await app.testing().test(.GET, "/api/shopper/rewards/\(forged)") { #expect($0.status == .notFound) }
        }
    }

    @Test(arguments: TestBackend.available)
    func issuedCodesReachTheStoreAsSignedStandardWebhooks(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let receiver = try await Application.make(.testing)
            let received = ReceivedWebhooks()
            receiver.post("hooks") { request async -> HTTPStatus in
                await received.append(request.headers, request.body.data.map { Data(buffer: $0) } ?? Data())
                return await received.count == 1 ? .ok : .internalServerError
            }
            let receiverPort = try await receiver.startOnLoopback()
            let settings = try await LoyaltySample.enable(app) { settings in
                settings.codeWebhookURL = "http://127.0.0.1:\(receiverPort)/hooks"
            }
            let headers = try await app.adminHeaders()
            let customer = try await Sample.customer("hooked@example.com", on: app.regulars.database)
            try await LoyaltySample.grant(app, customer, points: 300, headers: headers)
            let reward = try await LoyaltySample.reward(app, cost: 100, headers: headers)

            try await Self.redeem(app, customer: customer, reward: reward.id, key: "first", headers: headers) {
                #expect($0.status == .created)
            }
            try await Self.redeem(app, customer: customer, reward: reward.id, key: "second", headers: headers) {
                #expect($0.status == .badGateway)
            }
            await receiver.server.shutdown()
            try await receiver.asyncShutdown()
            let (requestHeaders, body) = try #require(await received.first)
            let id = try #require(requestHeaders.first(name: "webhook-id"))
            let timestamp = try #require(requestHeaders.first(name: "webhook-timestamp").flatMap { Int64($0) })
            let account = try await LoyaltySample.account(app, customer, headers: headers)
            var statuses: [String] = []
            try await app.testing().test(.GET, "/api/loyalty/customers/\(customer)/redemptions", headers: headers) {
                statuses = try $0.json([LoyaltyRedemption].self).map(\.status)
            }

            #expect(
                requestHeaders.first(name: "webhook-signature")
                    == StandardWebhookSignature.sign(
                        id: id, timestamp: timestamp, body: body, secret: settings.codeWebhookSecret))
            #expect(String(decoding: body, as: UTF8.self).contains("loyalty.code.issued"))
            // The second code was refused by the store: its points came back.
            #expect(statuses == ["failed", "issued"])
            #expect(account.balance == 200)
            try await LoyaltySample.expectConsistent(app.regulars.database)
        }
    }
}

/// What the test's webhook receiver got.
actor ReceivedWebhooks {
    private var deliveries: [(HTTPHeaders, Data)] = []

    func append(_ headers: HTTPHeaders, _ body: Data) { deliveries.append((headers, body)) }
    var count: Int { deliveries.count }
    var first: (HTTPHeaders, Data)? { deliveries.first }
}

/// Two Regulars instances, each with its own connection pool (another process on SQLite, another server on
/// PostgreSQL), redeeming from one balance at once.
@Suite struct LoyaltyInstancesTests {
    @Test(arguments: TestBackend.available)
    func twoInstancesRedeemingOneBalanceNeverOverspend(backend: TestBackend) async throws {
        let test = try await backend.makeDatabase()
        let first = try await Application.make(.testing)
        let second = try await Application.make(.testing)
        let other = try test.openAnother()
        do {
            var configuration = try AppConfiguration.fromEnvironment([:])
            configuration.secureCookies = false
            configuration.secretKey = "shared-secret-of-both-instances"
            try await RegularsApp.configure(first, configuration: configuration, database: test.database)
            try await RegularsApp.configure(second, configuration: configuration, database: other)
            try await LoyaltySample.enable(first)
            let headers = try await first.adminHeaders()
            let customer = try await Sample.customer("shared@example.com", on: test.database)
            try await LoyaltySample.grant(first, customer, points: 2_000, headers: headers)
            let reward = try await LoyaltySample.reward(first, cost: 100, headers: headers)
            var ports: [Int] = []
            for app in [first, second] {
                let port = try await app.startOnLoopback()
                app.http.client.configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
                ports.append(port)
            }
            let client = first.client
            let targets = ports

            let statuses = await withTaskGroup(of: String.self) { group in
                for attempt in 0..<200 {
                    group.addTask {
                        let url = URI(
                            string:
                                "http://127.0.0.1:\(targets[attempt % 2])/api/loyalty/customers/\(customer)/redemptions"
                        )
                        do {
                            return
                                "\(try await client.post(url, headers: headers) { try $0.content.encode(["reward_id": reward.id]) }.status.code)"
                        } catch {
                            return "client error: \(error)"
                        }
                    }
                }
                var statuses: [String] = []
                for await status in group { statuses.append(status) }
                return statuses
            }
            for app in [first, second] { await app.server.shutdown() }
            let account = try await LoyaltySample.account(first, customer, headers: headers)

            #expect(statuses.filter { $0 == "201" }.count == 20)
            #expect(statuses.filter { $0 == "409" }.count == 180, "\(Set(statuses))")
            #expect(account.balance == 0)
            try await LoyaltySample.expectConsistent(test.database)
        } catch {
            Issue.record(error)
        }
        // Each application's shutdown closes its own pool.
        try? await second.asyncShutdown()
        try? await first.asyncShutdown()
        await test.cleanup()
    }
}

/// Affiliate mode: commission on referred customers' net orders, accrued on the advocate's own money ledger and
/// paid out against it.
@Suite struct AffiliateCommissionTests {
    @Test(arguments: TestBackend.available)
    func commissionAccruesOnNetOrdersAndIsPaidOnce(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app) { settings in
                settings.program.referrals?.commission = AffiliateCommissionRule(
                    rate: Percentage(basisPoints: 1_000), months: 12)
            }
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let advocate = try await Sample.customer("affiliate@example.com", on: database)
            let friend = try await Sample.customer("referred@example.com", on: database)
            let code = try await LoyaltySample.account(app, advocate, headers: headers).referralCode
            try await app.testing().test(
                .POST, "/api/loyalty/referrals", headers: headers,
                beforeRequest: {
                    try $0.content.encode(
                        LoyaltyController.ReferInput(code: code, friendCustomerId: friend), using: JSONEncoder.api)
                }, afterResponse: { #expect($0.status == .created) })
            func payables() async throws -> [AffiliatePayable] {
                var list: [AffiliatePayable] = []
                try await app.testing().test(.GET, "/api/loyalty/affiliates", headers: headers) {
                    list = try $0.json([AffiliatePayable].self)
                }
                return list
            }
            func pay(_ amount: Int64, _ reference: String) async throws -> HTTPStatus {
                var status = HTTPStatus.ok
                try await app.testing().test(
                    .POST, "/api/loyalty/affiliates/\(advocate)/payouts", headers: headers,
                    beforeRequest: {
                        try $0.content.encode(
                            LoyaltyController.PayoutInput(amountMinor: amount, reference: reference),
                            using: JSONEncoder.api)
                    }, afterResponse: { status = $0.status })
                return status
            }

            // Placed just after the friend signed up (the window opens at the referral).
            let order = try await Sample.upsert(
                LoyaltySample.order("aff-1", customerID: friend, totalMinor: 10_000, placedDaysAgo: -0.0001),
                on: database)
            let accrued = try await payables()
            _ = try await LoyaltySample.refund("aff-r1", orderID: order.id, amountMinor: 5_000, on: database)
            _ = try await LoyaltySample.refund("aff-r1", orderID: order.id, amountMinor: 5_000, on: database)
            let afterRefund = try await payables()
            let tooMuch = try await pay(600, "transfer-1")
            let paid = try await pay(500, "transfer-1")
            let again = try await pay(500, "transfer-1")
            let settled = try await payables()

            #expect(accrued.first?.payable.minorUnits == 1_000)
            #expect(afterRefund.first?.accrued.minorUnits == 500)
            #expect(tooMuch == .conflict)
            #expect(paid == .created)
            #expect(again == .created)
            #expect(settled.first?.paid.minorUnits == 500)
            #expect(settled.first?.payable.minorUnits == 0)
        }
    }
}

/// A redeemed code used on a later order marks the reward used.
@Suite struct LoyaltyCodeUseTests {
    @Test(arguments: TestBackend.available)
    func anOrderUsingTheCodeMarksTheRewardUsed(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("user@example.com", on: database)
            try await LoyaltySample.grant(app, customer, points: 200, headers: headers)
            let reward = try await LoyaltySample.reward(app, cost: 100, headers: headers)
            var code = ""
            try await LoyaltyAPITests.redeem(app, customer: customer, reward: reward.id, key: nil, headers: headers) {
                code = try $0.json(LoyaltyRedemption.self).code
            }

            _ = try await Sample.upsert(
                LoyaltySample.order(
                    "used-1", customerID: customer, totalMinor: 4_000, placedDaysAgo: 0,
                    discountCodes: [code.lowercased()]),
                on: database)
            var redemptions: [LoyaltyRedemption] = []
            try await app.testing().test(.GET, "/api/loyalty/customers/\(customer)/redemptions", headers: headers) {
                redemptions = try $0.json([LoyaltyRedemption].self)
            }

            #expect(redemptions.map(\.status) == ["used"])
            #expect(redemptions.first?.usedAt != nil)
        }
    }
}

/// A redemption whose process stopped between taking the points and hearing from the store is released by the
/// clock: the points and the stock come back.
@Suite struct UnconfirmedRedemptionTests {
    @Test(arguments: TestBackend.available)
    func aRedemptionLeftHeldIsGivenBack(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("stranded@example.com", on: database)
            try await LoyaltySample.grant(app, customer, points: 300, headers: headers)
            let reward = try await LoyaltySample.reward(app, cost: 100, headers: headers, stock: 5)
            try await LoyaltyAPITests.redeem(app, customer: customer, reward: reward.id, key: nil, headers: headers) {
                #expect($0.status == .created)
            }
            // As if the process was killed while the code was on its way to the store an hour ago.
            let anHourAgo = Instant(Date().addingTimeInterval(-3_600)).milliseconds
            try await database.write { sql in
                try await sql.raw(
                    "UPDATE loyalty_redemptions SET status = 'held', created_at = \(bind: anHourAgo)"
                ).run()
            }
            let clock = LoyaltyMaintenance(database: database, store: app.regulars.configuration.store)

            let first = try await clock.run(at: Date())
            let second = try await clock.run(at: Date())
            var redemptions: [LoyaltyRedemption] = []
            try await app.testing().test(.GET, "/api/loyalty/customers/\(customer)/redemptions", headers: headers) {
                redemptions = try $0.json([LoyaltyRedemption].self)
            }
            let stock = try await LoyaltyRewardStore(
                database: database, currency: app.regulars.configuration.store.baseCurrency
            )
            .list().first?.issued

            #expect(first.unconfirmedRedemptions == 1)
            #expect(second.unconfirmedRedemptions == 0)
            #expect(redemptions.map(\.status) == ["failed"])
            #expect(try await LoyaltySample.account(app, customer, headers: headers).balance == 300)
            #expect(stock == 0)
            try await LoyaltySample.expectConsistent(database)
        }
    }
}

/// The cost reports through the API: the dry run over the last 12 months of orders and the points liability.
@Suite struct LoyaltyReportTests {
    @Test(arguments: TestBackend.available)
    func theDryRunAndTheLiabilityCountWhatTheRulesIssue(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await LoyaltySample.enable(app)
            let headers = try await app.adminHeaders()
            let database = app.regulars.database
            let customer = try await Sample.customer("costly@example.com", on: database)
            let order = try await Sample.upsert(
                LoyaltySample.order("cost-1", customerID: customer, totalMinor: 10_000, placedDaysAgo: 10), on: database
            )
            _ = try await LoyaltySample.refund("cost-r1", orderID: order.id, amountMinor: 2_500, on: database)
            var dryRun: LoyaltyDryRunView?
            var liability: LoyaltyLiabilityView?

            try await app.testing().test(
                .POST, "/api/loyalty/program/dry-run", headers: headers,
                beforeRequest: { try $0.content.encode(["redemption_rate_basis_points": 0]) },
                afterResponse: { dryRun = try $0.json(LoyaltyDryRunView.self) })
            try await app.testing().test(.GET, "/api/loyalty/liability", headers: headers) {
                liability = try $0.json(LoyaltyLiabilityView.self)
            }

            // 100 order points + 50 first-order bonus; the 25% refund takes back ⌈25⌉ + ⌈12.5⌉ = 38.
            #expect(dryRun?.orders == 1)
            #expect(dryRun?.pointsIssued == 150)
            #expect(dryRun?.pointsReversed == 38)
            #expect(dryRun?.pointsOutstanding == 112)
            #expect(dryRun?.outstandingLiability.minorUnits == 112)
            // Live, the same points are still inside the return window: pending, not yet spendable.
            #expect(liability?.pending.points == 112)
            #expect(liability?.outstanding.points == 0)
            try await LoyaltySample.expectConsistent(database)
        }
    }
}
