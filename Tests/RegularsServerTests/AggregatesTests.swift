import SQLKit
import Testing

@testable import RegularsServer

@Suite struct AggregatesTests {
    private struct LiveOrder: Decodable, Sendable {
        var id: Int64
        var customerId: Int64
        var placedAt: Int64
        var baseTotalMinor: Int64
        var refundedMinor: Int64
    }

    @Test(arguments: TestBackend.available)
    func aggregatesKeptAtIngestEqualTheirDefinitionOverEveryLiveOrder(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            // Setup: a demo store churned by retries, moved orders, refunds, a cancellation and a merge.
            _ = try await AnalyticsTests.seed(database, customers: 120)
            try await AnalyticsRollupTests.churnTheStore(database)

            // Action: read the maintained aggregates and every live order with its refunds.
            let maintained = try await Sample.aggregates(on: database)
            let orders = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT o.id, o.customer_id, o.placed_at, o.base_total_minor,
                        CAST(COALESCE((SELECT SUM(r.base_amount_minor) FROM refunds r WHERE r.order_id = o.id), 0)
                            AS BIGINT) AS refunded_minor
                    FROM orders o WHERE o.cancelled_at IS NULL
                    """
                ).all(decoding: LiveOrder.self, keyDecodingStrategy: .convertFromSnakeCase)
            }

            // Check: each customer's aggregates follow from those orders, computed here independently.
            let byCustomer = Dictionary(grouping: orders, by: \.customerId)
            #expect(maintained.contains { $0.orderCount > 1 })
            for row in maintained {
                let own = (byCustomer[row.id] ?? []).sorted { ($0.placedAt, $0.id) < ($1.placedAt, $1.id) }
                let refunded = own.reduce(0) { $0 + $1.refundedMinor }
                let expected = Sample.Aggregates(
                    id: row.id, orderCount: own.count,
                    orderDays: Set(own.map { $0.placedAt / 86_400_000 }).count,
                    firstOrderNetMinor: own.first.map { $0.baseTotalMinor - $0.refundedMinor } ?? 0,
                    firstOrderAt: own.first?.placedAt, lastOrderAt: own.map(\.placedAt).max(),
                    netRevenueMinor: own.reduce(0) { $0 + $1.baseTotalMinor } - refunded, refundedMinor: refunded)
                #expect(row == expected)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func ordersAndRefundsKeepAggregatesInStepWithARebuild(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let ada = try await Sample.customer("ada@example.com", on: database)
            let layla = try await Sample.customer("layla@example.com", on: database)
            let first = try await Sample.upsert(Sample.order("1", customerID: ada, totalMinor: 10_000), on: database)
            _ = try await Sample.upsert(
                Sample.order("2", customerID: ada, totalMinor: 2_550, daysAfterStart: 30), on: database)
            _ = try await Sample.upsert(
                Sample.order("3", customerID: ada, totalMinor: 9_999, daysAfterStart: 60, cancelled: true), on: database
            )
            _ = try await Sample.upsert(
                Sample.order("4", customerID: layla, totalMinor: 1_000, daysAfterStart: 5), on: database)
            _ = try await Sample.refund("r1", orderID: first.id, amountMinor: 2_000, on: database)

            let maintained = try await Sample.aggregates(on: database)
            _ = try await database.write { sql in try await CustomerAggregates.rebuildAll(on: sql) }
            let rebuilt = try await Sample.aggregates(on: database)

            #expect(maintained == rebuilt)
            let adaRow = try #require(maintained.first { $0.id == ada })
            #expect(adaRow.orderCount == 2)
            #expect(adaRow.netRevenueMinor == 10_000 + 2_550 - 2_000)
            #expect(adaRow.refundedMinor == 2_000)
            #expect(adaRow.orderDays == 2)
            #expect(adaRow.firstOrderNetMinor == 10_000 - 2_000)
            #expect(adaRow.firstOrderAt == Sample.start.milliseconds)
            #expect(adaRow.lastOrderAt == Sample.start.milliseconds + 30 * Sample.day)
        }
    }

    @Test(arguments: TestBackend.available)
    func theSameDeliveryFiveTimesStoresOneOrder(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let ada = try await Sample.customer("ada@example.com", on: database)
            let order = Sample.order("1001", customerID: ada, totalMinor: 4_200, lines: [("Tea", 2, 2_100)])

            var outcomes: [WriteOutcome] = []
            for _ in 0..<5 { outcomes.append(try await Sample.upsert(order, on: database)) }

            #expect(outcomes.first == .created(outcomes[0].id))
            #expect(outcomes.dropFirst().allSatisfy { $0 == .unchanged(outcomes[0].id) })
            #expect(try await Sample.count("orders", on: database) == 1)
            #expect(try await Sample.count("order_lines", on: database) == 1)
            #expect(try await Sample.aggregates(on: database).first?.orderCount == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func anOlderUpdateNeverOverwritesANewerOne(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let ada = try await Sample.customer("ada@example.com", on: database)
            _ = try await Sample.upsert(Sample.order("7", customerID: ada, totalMinor: 1_000), on: database)
            let newer = Sample.order("7", customerID: ada, totalMinor: 3_000, updatedDaysAfterStart: 2)
            let older = Sample.order("7", customerID: ada, totalMinor: 2_000, updatedDaysAfterStart: 1)

            let applied = try await Sample.upsert(newer, on: database)
            let ignored = try await Sample.upsert(older, on: database)

            #expect(applied == .updated(applied.id))
            #expect(ignored == .unchanged(applied.id))
            #expect(try await Sample.aggregates(on: database).first?.netRevenueMinor == 3_000)
        }
    }

    @Test(arguments: TestBackend.available)
    func aRepeatedRefundIsRecordedOnce(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let ada = try await Sample.customer("ada@example.com", on: database)
            let order = try await Sample.upsert(Sample.order("9", customerID: ada, totalMinor: 5_000), on: database)

            let first = try await Sample.refund("rf", orderID: order.id, amountMinor: 5_000, on: database)
            let again = try await Sample.refund("rf", orderID: order.id, amountMinor: 5_000, on: database)

            #expect(again == .unchanged(first.id))
            #expect(try await Sample.count("refunds", on: database) == 1)
            let status = try await database.read { sql in
                try await sql.raw("SELECT financial_status FROM orders").first(
                    decodingColumn: "financial_status", as: String.self)
            }
            #expect(status == "refunded")
            #expect(try await Sample.aggregates(on: database).first?.netRevenueMinor == 0)
        }
    }
}
