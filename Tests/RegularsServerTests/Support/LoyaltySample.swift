import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// Loyalty set-up and checks shared by the loyalty tests.
enum LoyaltySample {
    static let day: TimeInterval = 86_400

    /// Saves an enabled programme (the starter one, launched long ago, then `adjust`ed).
    @discardableResult
    static func enable(_ app: Application, _ adjust: (inout LoyaltySettings) -> Void = { _ in }) async throws
        -> LoyaltySettings
    {
        var settings = LoyaltySettings.starter(
            for: app.regulars.configuration.store, at: Date(timeIntervalSince1970: 0))
        settings.enabled = true
        adjust(&settings)
        let saved = settings
        try await app.regulars.database.write { sql in try await saved.save(on: sql) }
        app.regulars.loyaltyCache.invalidate()
        return saved
    }

    /// A paid order in the base currency (USD), placed `placedDaysAgo` days before now.
    static func order(
        _ externalID: String, customerID: Int64, totalMinor: Int64, placedDaysAgo: Double, updatedLater: Double = 0,
        cancelled: Bool = false, discountCodes: [String] = []
    ) -> OrderInput {
        var order = Sample.order(externalID, customerID: customerID, totalMinor: totalMinor)
        let placed = Date().addingTimeInterval(-placedDaysAgo * day)
        order.placedAt = Instant(placed)
        order.sourceUpdatedAt = Instant(placed.addingTimeInterval(updatedLater))
        order.cancelledAt = cancelled ? Instant(placed.addingTimeInterval(updatedLater)) : nil
        order.discountCodes = discountCodes
        return order
    }

    static func refund(_ externalID: String, orderID: Int64, amountMinor: Int64, on database: Database)
        async throws -> WriteOutcome
    {
        try await database.write { sql in
            try await OrderWriter(sql: sql).record(
                RefundInput(
                    orderID: orderID, source: "test", externalID: externalID, createdAt: .now, currency: "USD",
                    amountMinor: amountMinor, baseAmountMinor: amountMinor, reason: "returned", lines: []))
        }
    }

    static func account(_ app: Application, _ customerID: Int64, headers: HTTPHeaders) async throws
        -> LoyaltyAccountSummary
    {
        var summary: LoyaltyAccountSummary?
        try await app.testing().test(.GET, "/api/loyalty/customers/\(customerID)", headers: headers) { response in
            #expect(response.status == .ok)
            summary = try response.json(LoyaltyAccountSummary.self)
        }
        return try #require(summary)
    }

    static func entries(_ app: Application, _ customerID: Int64, headers: HTTPHeaders) async throws
        -> [LoyaltyEntryView]
    {
        var entries: [LoyaltyEntryView] = []
        try await app.testing().test(.GET, "/api/loyalty/customers/\(customerID)/entries", headers: headers) {
            response in
            #expect(response.status == .ok)
            entries = try response.json([LoyaltyEntryView].self)
        }
        return entries
    }

    static func reward(_ app: Application, cost: Int64, headers: HTTPHeaders, stock: Int64? = nil) async throws
        -> LoyaltyReward
    {
        var reward: LoyaltyReward?
        let body = LoyaltyRewardInput(
            name: "5 off", kind: "amount_off", pointsCost: cost, valueMinor: 500, stock: stock)
        try await app.testing().test(
            .POST, "/api/loyalty/rewards", headers: headers,
            beforeRequest: { request in try request.content.encode(body, using: JSONEncoder.api) },
            afterResponse: { response in
                #expect(response.status == .created)
                reward = try response.json(LoyaltyReward.self)
            })
        return try #require(reward)
    }

    /// Grants points through the API (a manual adjustment).
    static func grant(_ app: Application, _ customerID: Int64, points: Int64, headers: HTTPHeaders) async throws {
        try await app.testing().test(
            .POST, "/api/loyalty/customers/\(customerID)/adjustments", headers: headers,
            beforeRequest: { request in
                try request.content.encode(
                    LoyaltyController.AdjustmentInput(points: points, reason: "goodwill"), using: JSONEncoder.api)
            },
            afterResponse: { response in #expect(response.status == .created, "\(response.body.string)") })
    }

    /// The ledger invariants for every account: each ledger verifies, and the stored balance equals the sum of the
    /// available entries.
    static func expectConsistent(_ database: Database, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        struct Account: Decodable { var customerId: Int64; var balance: Int64; var pending: Int64 }
        let accounts = try await database.read { sql in
            try await sql.raw("SELECT customer_id, balance, pending FROM loyalty_accounts")
                .all(decoding: Account.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        for account in accounts {
            let (ledger, sum) = try await database.read { sql in
                let ledger = try await LoyaltyLedgerStore.ledger(account.customerId, on: sql)
                let sum =
                    try await sql.raw(
                        """
                        SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) AS total FROM loyalty_entries
                        WHERE customer_id = \(bind: account.customerId) AND status = 'available'
                        """
                    ).first(decodingColumn: "total", as: Int64.self) ?? 0
                return (ledger, sum)
            }
            #expect(ledger.verify().isEmpty, "\(ledger.verify())", sourceLocation: sourceLocation)
            #expect(account.balance == sum, sourceLocation: sourceLocation)
            #expect(account.balance == ledger.balance, sourceLocation: sourceLocation)
            #expect(ledger.lots.allSatisfy { $0.remaining >= 0 }, sourceLocation: sourceLocation)
        }
    }
}
