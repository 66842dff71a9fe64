import Foundation
import RegularsDemo
import Testing

struct DemoStoreCatalogTests {
    @Test func catalogHasTwoHundredProductsInEightCategories() {
        // Setup
        let store = DemoStoreFixture.standard

        // Action
        let categories = Set(store.products.map(\.category))
        let variantCounts = store.products.map(\.variants.count)

        // Check
        #expect(store.products.count == 200)
        #expect(categories.count == 8)
        #expect(variantCounts.allSatisfy { (1...3).contains($0) })
        #expect(Set(variantCounts).count == 3)
        #expect(Set(store.products.map(\.externalID)).count == 200)
        #expect(Set(store.products.map(\.handle)).count == 200)
    }

    @Test func pricesAreBetweenFiveAndTwoHundredFiftyDollarsWithRetailEndings() {
        // Setup
        let variants = DemoStoreFixture.standard.products.flatMap(\.variants)

        // Action
        let prices = variants.map(\.priceMinor)
        let endings = Set(prices.map { $0 % 100 })

        // Check
        #expect(prices.allSatisfy { (500...25_000).contains($0) })
        #expect(endings.isSubset(of: [0, 50, 95, 99]))
        #expect(endings.contains(0) && endings.contains(99))
        #expect(Set(variants.map(\.sku)).count == variants.count)
        #expect(Set(variants.map(\.externalID)).count == variants.count)
    }

    @Test func storeDescribesItself() {
        // Setup
        let store = DemoStoreFixture.standard

        // Action
        let currencies = Set(store.orders.map(\.currency))

        // Check
        #expect(store.name == "Cedar & Silk")
        #expect(store.currency == "USD")
        #expect(store.timeZone == "America/New_York")
        #expect(currencies == ["USD"])
    }
}
