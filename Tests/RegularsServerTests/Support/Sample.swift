import Foundation
import RegularsCore

@testable import RegularsServer

/// Small, explicit store facts for tests.
enum Sample {
    static let day: Int64 = 86_400_000
    static let start = Instant(milliseconds: 1_767_225_600_000)  // 2026-01-01T00:00:00Z

    static func customer(
        _ email: String, first: String? = nil, last: String? = nil, identities: [CustomerIdentity] = [],
        on database: Database
    ) async throws -> Int64 {
        try await database.write { sql in
            try await CustomerWriter(sql: sql).resolve(
                identities, profile: CustomerInput(email: EmailAddress(email), firstName: first, lastName: last),
                at: start)
        }
    }

    static func order(
        _ externalID: String, customerID: Int64?, totalMinor: Int64, daysAfterStart: Int64 = 0,
        updatedDaysAfterStart: Int64? = nil, cancelled: Bool = false, lines: [(String, Int, Int64)]? = nil
    ) -> OrderInput {
        let placed = Instant(milliseconds: start.milliseconds + daysAfterStart * day)
        let orderLines = (lines ?? [("Item", 1, totalMinor)]).map { title, quantity, unit in
            OrderInput.Line(
                productID: nil, variantID: nil, externalID: nil, sku: nil, title: title, quantity: quantity,
                unitPriceMinor: unit, discountMinor: 0)
        }
        return OrderInput(
            source: "test", externalID: externalID, number: "#\(externalID)", customerID: customerID, email: nil,
            placedAt: placed, currency: "USD", subtotalMinor: totalMinor, discountMinor: 0, shippingMinor: 0,
            taxMinor: 0, totalMinor: totalMinor,
            base: .init(
                currency: "USD", subtotalMinor: totalMinor, discountMinor: 0, shippingMinor: 0, taxMinor: 0,
                totalMinor: totalMinor),
            financialStatus: "paid", fulfillmentStatus: "unfulfilled",
            cancelledAt: cancelled ? Instant(milliseconds: placed.milliseconds + day) : nil, discountCodes: [],
            landingSite: nil, referringSite: nil,
            sourceUpdatedAt: Instant(
                milliseconds: start.milliseconds + (updatedDaysAfterStart ?? daysAfterStart) * day),
            lines: orderLines)
    }

    static func upsert(_ order: OrderInput, on database: Database) async throws -> WriteOutcome {
        try await database.write { sql in try await OrderWriter(sql: sql).upsert(order) }
    }

    static func refund(
        _ externalID: String, orderID: Int64, amountMinor: Int64, daysAfterStart: Int64 = 1, on database: Database
    ) async throws -> WriteOutcome {
        try await database.write { sql in
            try await OrderWriter(sql: sql).record(
                RefundInput(
                    orderID: orderID, source: "test", externalID: externalID,
                    createdAt: Instant(milliseconds: start.milliseconds + daysAfterStart * day), currency: "USD",
                    amountMinor: amountMinor, baseAmountMinor: amountMinor, reason: "damaged",
                    lines: [.init(position: 0, quantity: 1, amountMinor: amountMinor)]))
        }
    }

    struct Aggregates: Decodable, Equatable, Sendable {
        var id: Int64
        var orderCount: Int
        var orderDays: Int
        var firstOrderNetMinor: Int64
        var firstOrderAt: Int64?
        var lastOrderAt: Int64?
        var netRevenueMinor: Int64
        var refundedMinor: Int64
    }

    static func aggregates(on database: Database) async throws -> [Aggregates] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, order_count, order_days, first_order_net_minor, first_order_at, last_order_at, net_revenue_minor,
                    refunded_minor
                FROM customers ORDER BY id
                """
            ).all(decoding: Aggregates.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    static func count(_ table: String, on database: Database) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decodingColumn: "n", as: Int.self)
                ?? -1
        }
    }
}
