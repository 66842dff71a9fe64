import Foundation
import RegularsCore
import SQLKit

/// The demo store's loyalty programme: the starter programme, launched `launchDays` before the demo's last day, a
/// small rewards catalogue, and the points every order and refund since the launch earned and took back — posted
/// through the same earning path as live orders, so the pages and the API show a real ledger.
struct DemoLoyalty: Sendable {
    let database: Database
    let store: StoreSettings

    static let launchDays = 45.0

    func seed(end: Date) async throws -> Int {
        var settings = LoyaltySettings.starter(for: store, at: end)
        settings.enabled = true
        settings.launchedAt = end.addingTimeInterval(-Self.launchDays * 86_400)
        let saved = settings
        try await database.write { sql in try await saved.save(on: sql) }
        let unit = store.baseCurrency.minorUnitsPerMajor
        let rewards = LoyaltyRewardStore(database: database, currency: store.baseCurrency)
        for input in [
            LoyaltyRewardInput(
                name: "5 off your next order", kind: "amount_off", pointsCost: 500, valueMinor: 5 * unit),
            LoyaltyRewardInput(name: "Free shipping", kind: "free_shipping", pointsCost: 300),
            LoyaltyRewardInput(name: "15% off", kind: "percent_off", pointsCost: 1_200, percentBasisPoints: 1_500),
        ] {
            _ = try await rewards.create(try input.validated())
        }
        let since = Instant(saved.launchedAt).milliseconds
        let orders = try await database.read { sql in
            try await sql.raw("SELECT id FROM orders WHERE placed_at >= \(bind: since) ORDER BY placed_at, id")
                .all(decodingColumn: "id", as: Int64.self)
        }
        let refunds = try await database.read { sql in
            try await sql.raw(
                """
                SELECT r.id FROM refunds r JOIN orders o ON o.id = r.order_id
                WHERE o.placed_at >= \(bind: since) ORDER BY r.created_at, r.id
                """
            ).all(decodingColumn: "id", as: Int64.self)
        }
        for batch in stride(from: 0, to: orders.count, by: 200) {
            try await database.write { sql in
                let earning = LoyaltyOrderEarning(sql: sql)
                for id in orders[batch..<min(orders.count, batch + 200)] { try await earning.orderWritten(id) }
            }
        }
        try await database.write { sql in
            let earning = LoyaltyOrderEarning(sql: sql)
            for id in refunds { try await earning.refundRecorded(id) }
        }
        return orders.count
    }
}
