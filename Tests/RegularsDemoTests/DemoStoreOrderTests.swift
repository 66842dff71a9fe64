import Foundation
import RegularsDemo
import Testing

struct DemoStoreOrderTests {
    @Test func storeSatisfiesAllStructuralInvariants() {
        // Setup
        let store = DemoStoreFixture.standard

        // Action
        let violations = DemoStoreInvariants.violations(in: store, end: DemoStoreFixture.end)

        // Check
        #expect(violations.isEmpty, "\(violations.prefix(5))")
    }

    @Test func twoYearsOfOrdersFromARepeatPurchaseProcess() {
        // Setup
        let store = DemoStoreFixture.standard
        let start = Calendar(identifier: .gregorian).date(byAdding: .year, value: -2, to: DemoStoreFixture.end)!

        // Action
        var ordersPerCustomer = Array(repeating: 0, count: store.customers.count)
        for order in store.orders { ordersPerCustomer[order.customerIndex] += 1 }
        let repeatShare = Double(ordersPerCustomer.filter { $0 >= 2 }.count) / Double(store.customers.count)

        // Check
        #expect((15_000...30_000).contains(store.orders.count))
        #expect(ordersPerCustomer.allSatisfy { $0 >= 1 })
        #expect((0.2...0.6).contains(repeatShare))
        #expect(ordersPerCustomer.max()! >= 20)
        #expect(store.orders.first!.placedAt >= start)
        #expect(store.orders.last!.placedAt > DemoStoreFixture.end.addingTimeInterval(-2 * 86_400))
    }

    @Test func firstOrderIsPlacedAtAcquisitionSoonAfterSignUp() {
        // Setup
        let store = DemoStoreFixture.standard

        // Action
        var firstOrder = [Date?](repeating: nil, count: store.customers.count)
        for order in store.orders where firstOrder[order.customerIndex] == nil {
            firstOrder[order.customerIndex] = order.placedAt
        }
        let gaps = store.customers.indices.map { firstOrder[$0]!.timeIntervalSince(store.customers[$0].createdAt) }
        let withinAnHour = gaps.filter { $0 <= 3_600 }.count

        // Check
        #expect(gaps.allSatisfy { $0 >= 0 })
        #expect(Double(withinAnHour) / Double(gaps.count) > 0.7)
    }

    @Test func acquisitionGrowsAndOrdersPeakAroundBlackFriday() {
        // Setup
        let store = DemoStoreFixture.standard
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let firstYear = store.customers.filter { $0.createdAt < DemoStoreFixture.end.addingTimeInterval(-365 * 86_400) }

        // Action
        var ordersPerMonth: [Int: Int] = [:]
        for order in store.orders {
            let month = calendar.dateComponents([.year, .month], from: order.placedAt)
            ordersPerMonth[month.year! * 100 + month.month!, default: 0] += 1
        }
        let november2025 = ordersPerMonth[202_511] ?? 0
        let october2025 = ordersPerMonth[202_510] ?? 0
        let january2026 = ordersPerMonth[202_601] ?? 0

        // Check
        #expect(Double(firstYear.count) / Double(store.customers.count) < 0.45)
        #expect(november2025 > october2025)
        #expect(november2025 > january2026)
    }

    @Test func moneyAddsUpWithDiscountsShippingAndTax() {
        // Setup
        let orders = DemoStoreFixture.standard.orders

        // Action
        let discounted = orders.filter { $0.discountMinor > 0 }
        let taxMismatches = orders.filter { order in
            order.taxMinor != ((order.subtotalMinor - order.discountMinor) * 8 + 50) / 100
        }
        let freeShipping = orders.filter { $0.shippingMinor == 0 }

        // Check
        #expect(
            orders.allSatisfy {
                $0.totalMinor == $0.subtotalMinor - $0.discountMinor + $0.shippingMinor + $0.taxMinor
            })
        #expect(taxMismatches.isEmpty)
        #expect((0.12...0.3).contains(Double(discounted.count) / Double(orders.count)))
        #expect(orders.allSatisfy { ($0.discountMinor > 0) == !$0.discountCodes.isEmpty })
        #expect(discounted.contains { $0.discountCodes == ["WELCOME10"] })
        #expect(freeShipping.allSatisfy { $0.subtotalMinor - $0.discountMinor >= 7_500 })
        #expect(!freeShipping.isEmpty && freeShipping.count < orders.count)
        #expect(orders.allSatisfy { $0.shippingMinor == 0 || $0.shippingMinor == 695 || $0.shippingMinor == 1_495 })
    }

    @Test func ordersAreNumberedSequentiallyFromOneThousandOne() {
        // Setup
        let orders = DemoStoreFixture.standard.orders

        // Action
        let numbers = orders.map(\.number)

        // Check
        #expect(numbers == Array(1_001..<(1_001 + orders.count)))
        #expect(orders.first?.externalID == "demo-o-001001")
        #expect(Set(orders.map(\.externalID)).count == orders.count)
        #expect(orders.allSatisfy { $0.fulfillmentStatus == "fulfilled" || $0.fulfillmentStatus == "unfulfilled" })
        #expect(orders.contains { $0.fulfillmentStatus == "unfulfilled" })
    }

    @Test func someOrdersCarryAttribution() {
        // Setup
        let store = DemoStoreFixture.standard
        let codes = Set(store.customers.map(\.referralCode))

        // Action
        let landed = store.orders.compactMap(\.landingSite)
        let referrals = landed.filter { $0.hasPrefix("/?ref=") }
        let tagged = landed.filter { $0.contains("utm_source=") }

        // Check
        #expect(landed.count > store.orders.count / 4 && landed.count < store.orders.count)
        #expect(!referrals.isEmpty && referrals.allSatisfy { codes.contains(String($0.dropFirst(6))) })
        #expect(!tagged.isEmpty)
        #expect(store.orders.contains { $0.referringSite != nil })
    }

    @Test func customersPreferAFewCategories() {
        // Setup
        let store = DemoStoreFixture.standard

        // Action
        var categoryCounts = Array(repeating: [String: Int](), count: store.customers.count)
        for order in store.orders {
            for line in order.lines {
                categoryCounts[order.customerIndex][store.products[line.productIndex].category, default: 0] += 1
            }
        }
        let loyal = categoryCounts.filter { counts in
            let total = counts.values.reduce(0, +)
            let topTwo = counts.values.sorted(by: >).prefix(2).reduce(0, +)
            return total >= 6 && Double(topTwo) / Double(total) >= 0.6
        }
        let heavy = categoryCounts.filter { $0.values.reduce(0, +) >= 6 }

        // Check
        #expect(Double(loyal.count) / Double(heavy.count) > 0.7)
    }
}
