import Foundation
import RegularsCore
import RegularsDemo
import SQLKit
import Testing

@testable import RegularsServer

@Suite struct DemoSeederTests {
    @Test(arguments: TestBackend.available)
    func theDemoStoreIsSeededOnceWithConsistentAggregates(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let store = DemoStoreGenerator(seed: 7, customerCount: 300, productCount: 40).generate()
            let seeder = DemoSeeder(database: database, baseCurrency: try #require(CurrencyCode("USD")))

            let counts = try await seeder.seedIfEmpty(store)
            let again = try await seeder.seedIfEmpty(store)

            #expect(counts?.customers == 300 && counts?.orders == store.orders.count)
            #expect(again == nil)
            #expect(try await Sample.count("orders", on: database) == store.orders.count)
            #expect(try await Sample.count("refunds", on: database) == store.refunds.count)
            let seeded = try await Sample.aggregates(on: database)
            _ = try await database.write { sql in try await CustomerAggregates.rebuildAll(on: sql) }
            #expect(try await Sample.aggregates(on: database) == seeded)
            let revenue = seeded.reduce(Int64(0)) { $0 + $1.netRevenueMinor }
            let expected =
                store.orders.reduce(Int64(0)) { $0 + $1.totalMinor }
                - store.refunds.reduce(Int64(0)) { $0 + $1.amountMinor }
            #expect(revenue == expected)
        }
    }

    @Test(arguments: TestBackend.available)
    func newRowsAfterTheDemoGetFreshIDs(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let store = DemoStoreGenerator(seed: 3, customerCount: 50, productCount: 10).generate()
            _ = try await DemoSeeder(database: database, baseCurrency: try #require(CurrencyCode("USD"))).seedIfEmpty(
                store)

            let id = try await Sample.customer("after-demo@example.com", on: database)
            let order = try await Sample.upsert(Sample.order("after", customerID: id, totalMinor: 100), on: database)

            #expect(id == 51)
            #expect(order.id == Int64(store.orders.count + 1))
        }
    }
}
