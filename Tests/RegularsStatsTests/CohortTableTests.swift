import Foundation
import RegularsStats
import Testing

@Suite struct CohortTableTests {
    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    static let orders: [OrderRecord] = [
        OrderRecord(customerID: 1, placedAt: at("2024-01-05T10:00:00Z"), amountMinor: 1000),
        OrderRecord(customerID: 1, placedAt: at("2024-02-10T10:00:00Z"), amountMinor: 500),
        OrderRecord(customerID: 1, placedAt: at("2024-02-20T10:00:00Z"), amountMinor: 501),
        OrderRecord(customerID: 2, placedAt: at("2024-01-31T23:30:00Z"), amountMinor: 2000),
        OrderRecord(customerID: 2, placedAt: at("2024-03-01T09:00:00Z"), amountMinor: 700, isCancelled: true),
        OrderRecord(customerID: 3, placedAt: at("2024-02-02T10:00:00Z"), amountMinor: 300),
        OrderRecord(customerID: 3, placedAt: at("2024-03-15T10:00:00Z"), amountMinor: 300),
    ]

    @Test func monthlyCohortsInUTC() throws {
        let orders = Self.orders

        let table = CohortTable(orders: orders, granularity: .month)

        #expect(table.cohorts.map(\.start.description) == ["2024-01-01", "2024-02-01"])
        let january = table.cohorts[0]
        #expect(january.customers == 2)
        #expect(january.periods.map(\.index) == [0, 1, 2])
        #expect(january.periods.map(\.activeCustomers) == [2, 1, 0])
        #expect(january.periods.map(\.retention) == [1, 0.5, 0])
        #expect(january.periods.map(\.revenueMinor) == [3000, 1001, 0])
        #expect(january.periods.map(\.cumulativeRevenueMinor) == [3000, 4001, 4001])
        #expect(january.periods.map(\.revenuePerCustomerMinor) == [1500, 500, 0])  // 500.5 → 500 (half-even)
        #expect(january.periods.map(\.cumulativeRevenuePerCustomerMinor) == [1500, 2000, 2000])  // 2000.5 → 2000
        let february = table.cohorts[1]
        #expect(february.customers == 1)
        #expect(february.periods.map(\.activeCustomers) == [1, 1])
    }

    @Test func timeZoneMovesOrdersAcrossMonthBoundaries() throws {
        let orders = Self.orders
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!

        let table = CohortTable(orders: orders, granularity: .month, timeZone: tokyo)

        // 2024-01-31T23:30Z is 2024-02-01 in Tokyo: customer 2 joins the February cohort.
        #expect(table.cohorts.map(\.customers) == [1, 2])
        #expect(table.cohorts[0].start.startDate(in: tokyo) == Self.at("2023-12-31T15:00:00Z"))
    }

    @Test func weeklyCohortsStartOnMonday() throws {
        let orders = Self.orders

        let table = CohortTable(orders: orders, granularity: .week)

        // 2024-01-05 is a Friday: its ISO week starts on Monday 2024-01-01.
        #expect(table.cohorts.first?.start.description == "2024-01-01")
        #expect(table.cohorts.map(\.start.description) == ["2024-01-01", "2024-01-29"])
        let first = try #require(table.cohorts.first)
        #expect(first.periods.count == 11)  // up to the week of 2024-03-15
        #expect(first.periods[5].activeCustomers == 1)  // 2024-02-10 is 5 weeks after 2024-01-05's week
    }
}
