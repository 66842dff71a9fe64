import Foundation
import RegularsDemo
import Testing

struct DemoStoreGeneratorParameterTests {
    @Test(arguments: [
        (seed: UInt64(1), customers: 120, products: 3, years: 1),
        (seed: UInt64(99), customers: 400, products: 25, years: 3),
        (seed: UInt64.max, customers: 60, products: 1, years: 2),
    ])
    func smallStoresSatisfyTheInvariants(seed: UInt64, customers: Int, products: Int, years: Int) {
        // Setup
        let end = Date(timeIntervalSince1970: 1_750_000_000)
        let generator = DemoStoreGenerator(
            seed: seed, customerCount: customers, productCount: products, end: end, years: years)

        // Action
        let store = generator.generate()

        // Check
        #expect(store.customers.count == customers)
        #expect(store.products.count == products)
        #expect(store.orders.count >= customers)
        #expect(store.events.count <= 12 * customers)
        let violations = DemoStoreInvariants.violations(in: store, end: end)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        let start = end.addingTimeInterval(-Double(years) * 366 * 86_400)
        #expect(store.customers.allSatisfy { $0.createdAt >= start })
    }

    @Test func emptyStoreHasACatalogButNoActivity() {
        // Setup
        let generator = DemoStoreGenerator(customerCount: 0, productCount: 10)

        // Action
        let store = generator.generate()

        // Check
        #expect(store.products.count == 10)
        #expect(store.customers.isEmpty && store.orders.isEmpty && store.refunds.isEmpty)
        #expect(store.checkouts.isEmpty && store.events.isEmpty)
    }
}
