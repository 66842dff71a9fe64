import Foundation
import RegularsDemo
import Testing

struct DemoStoreActivityTests {
    @Test func aboutFourPercentOfOrdersAreRefunded() {
        // Setup
        let store = DemoStoreFixture.standard

        // Action
        let share = Double(store.refunds.count) / Double(store.orders.count)
        let full = store.refunds.filter { $0.amountMinor == store.orders[$0.orderIndex].totalMinor }

        // Check
        #expect((0.025...0.06).contains(share))
        #expect(!full.isEmpty && full.count < store.refunds.count)
        #expect(store.orders.contains { $0.financialStatus == "refunded" })
        #expect(store.orders.contains { $0.financialStatus == "partially_refunded" })
        #expect(store.refunds.allSatisfy { $0.createdAt > store.orders[$0.orderIndex].placedAt })
        #expect(store.refunds.allSatisfy { $0.amountMinor <= store.orders[$0.orderIndex].totalMinor })
        #expect(Set(store.refunds.map(\.externalID)).count == store.refunds.count)
    }

    @Test func refundLinesNeverExceedTheOrderLines() {
        // Setup
        let store = DemoStoreFixture.standard

        // Action
        let excessive = store.refunds.filter { refund in
            let order = store.orders[refund.orderIndex]
            return refund.lines.isEmpty
                || refund.lines.contains { line in
                    line.quantity > order.lines[line.lineIndex].quantity
                        || line.amountMinor > order.lines[line.lineIndex].unitPriceMinor * Int64(line.quantity)
                }
                || refund.lines.reduce(0, { $0 + $1.amountMinor }) > refund.amountMinor
        }

        // Check
        #expect(excessive.isEmpty)
    }

    @Test func abandonedCheckoutsAreSometimesRecovered() {
        // Setup
        let store = DemoStoreFixture.standard
        let token = #/^[0-9a-f]{32}$/#

        // Action
        let completed = store.checkouts.filter { $0.completedAt != nil }
        let share = Double(completed.count) / Double(store.checkouts.count)

        // Check
        #expect(store.checkouts.count > 1_000)
        #expect((0.05...0.5).contains(share))
        #expect(completed.allSatisfy { $0.completedAt == store.orders[$0.orderIndex!].placedAt })
        #expect(Set(store.checkouts.map(\.token)).count == store.checkouts.count)
        #expect(store.checkouts.allSatisfy { (try? token.wholeMatch(in: $0.token)) != nil })
        #expect(
            store.checkouts.allSatisfy { $0.recoveryURL.contains($0.token) && $0.recoveryURL.hasPrefix("https://") })
        #expect(store.checkouts.allSatisfy { $0.valueMinor > 0 })
        #expect(zip(store.checkouts, store.checkouts.dropFirst()).allSatisfy { $0.createdAt <= $1.createdAt })
    }

    @Test func browsingEventsAreBoundedAndFollowTheSegmentSpec() {
        // Setup
        let store = DemoStoreFixture.standard
        let types: Set = ["Product Viewed", "Product Added", "Cart Viewed", "Products Searched"]
        let uuid = #/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/#

        // Action
        let perType = Dictionary(grouping: store.events, by: \.type).mapValues(\.count)
        let malformedIDs = store.events.filter { (try? uuid.wholeMatch(in: $0.messageID)) == nil }

        // Check
        #expect(store.events.count > store.customers.count && store.events.count <= 60_000)
        #expect(Set(perType.keys) == types)
        #expect(Set(store.events.map(\.messageID)).count == store.events.count)
        #expect(malformedIDs.isEmpty)
        #expect(Set(store.events.map(\.customerIndex)).count > store.customers.count / 2)
    }

    @Test func productEventsDescribeRealVariants() {
        // Setup
        let store = DemoStoreFixture.standard
        let variantsBySKU = Dictionary(
            uniqueKeysWithValues: store.products.flatMap { product in product.variants.map { ($0.sku, (product, $0)) } }
        )

        // Action
        let productEvents = store.events.filter { $0.type == "Product Viewed" || $0.type == "Product Added" }
        let mismatched = productEvents.filter { event in
            guard let sku = event.properties["sku"], let (product, variant) = variantsBySKU[sku] else { return true }
            let price = String(variant.priceMinor / 100) + "." + String(format: "%02d", Int(variant.priceMinor % 100))
            return event.properties["product_id"] != product.externalID || event.properties["name"] != product.title
                || event.properties["category"] != product.category || event.properties["price"] != price
        }
        let searches = store.events.filter { $0.type == "Products Searched" }
        let carts = store.events.filter { $0.type == "Cart Viewed" }

        // Check
        #expect(mismatched.isEmpty)
        #expect(searches.allSatisfy { !($0.properties["query"] ?? "").isEmpty })
        #expect(carts.allSatisfy { $0.properties["cart_id"] != nil && $0.properties["value"] != nil })
        #expect(
            store.events.filter { $0.type == "Product Added" }.allSatisfy {
                $0.properties["quantity"] != nil && $0.properties["cart_id"] != nil
            })
    }
}
