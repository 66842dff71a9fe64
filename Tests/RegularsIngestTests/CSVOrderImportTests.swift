import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct CSVOrderImportTests {
    func orders(_ items: [CSVImportItem]) -> [IngestOrder] {
        items.compactMap {
            guard case .order(let order, _) = $0 else { return nil }
            return order
        }
    }

    func rejections(_ items: [CSVImportItem]) -> [CSVRejection] {
        items.compactMap {
            guard case .rejection(let rejection) = $0 else { return nil }
            return rejection
        }
    }

    @Test func shopifyExportGroupsLineItemRowsIntoOrders() throws {
        let text = Fixture.text("csv/shopify_orders_export.csv")

        let items = try CSVOrderImport.items(in: text, format: .shopifyOrdersExport, options: Instant.options)

        let orders = orders(items)
        #expect(orders.map(\.number) == ["#1001", "#1002", "#1004"])
        let first = try #require(orders.first)
        #expect(first.source == .csv)
        #expect(first.externalID == "5012345678901")
        #expect(first.currency == CurrencyCode("USD"))
        #expect(first.subtotalMinor == 32_00)  // Subtotal 28.80 after the 3.20 discount
        #expect(first.discountMinor == 3_20)
        #expect(first.shippingMinor == 5_00)
        #expect(first.taxMinor == 2_30)
        #expect(first.totalMinor == 36_10)
        #expect(first.expectedTotalMinor == first.totalMinor)
        #expect(!first.taxesIncluded)
        #expect(first.discountCodes == ["WELCOME10"])
        #expect(first.financialStatus == .paid)
        #expect(first.fulfillmentStatus == .fulfilled)
        #expect(first.placedAt == Instant.utc("2024-01-15T15:23:45Z"))
        #expect(first.sourceUpdatedAt == Instant.utc("2024-01-16T14:00:00Z"))
        #expect(first.customer?.identities == [.init(.email, "maria@example.com")])
        #expect(first.customer?.phone == PhoneNumber("+14155550142"))
        #expect(first.customer?.lastName == "Lopez")
        #expect(first.lines.map(\.title) == ["Ceramic Mug, Blue", "Tea Towel"])
        #expect(first.lines.map(\.quantity) == [2, 1])
        #expect(first.lines.map(\.unitPriceMinor) == [12_00, 8_00])
        #expect(first.lines.map(\.discountMinor) == [2_40, 80])
        let second = orders[1]
        #expect(second.customer == nil)
        #expect(second.refundedMinor == 20_00)
        #expect(second.financialStatus == .partiallyRefunded)
        let euro = orders[2]
        #expect(euro.currency == CurrencyCode("EUR"))
        #expect(euro.taxesIncluded)
        #expect(euro.cancelledAt == Instant.utc("2024-02-03T08:00:00Z"))
        #expect(euro.lines.first?.title == "Postcard \"Berlin\" set")
    }

    @Test func shopifyExportRejectionsCarryThePhysicalLine() throws {
        let text = Fixture.text("csv/shopify_orders_export.csv")

        let items = try CSVOrderImport.items(in: text, format: .shopifyOrdersExport, options: Instant.options)

        // Line 1 is the header, #1001 spans lines 2–4 (its first row holds a two-line note), #1002 is line 5.
        #expect(
            rejections(items) == [
                CSVRejection(
                    line: 6, column: "Total", reason: "Total does not equal Subtotal + Shipping + Taxes",
                    orderReference: "#1003")
            ])
        #expect(items.compactMap { if case .order(_, let line) = $0 { line } else { nil } } == [2, 5, 7])
    }

    @Test func genericFileYieldsOrdersAndRejectionsInFileOrder() throws {
        let text = Fixture.text("csv/generic_orders.csv")

        let items = try CSVOrderImport.items(in: text, format: .generic(GenericCSVMapping()), options: Instant.options)

        #expect(orders(items).map(\.externalID) == ["O1", "O7", "O9", "O11"])
        #expect(
            rejections(items) == [
                CSVRejection(
                    line: 3, column: "total", reason: "'1,000.00' is not an amount in USD", orderReference: "O2"),
                CSVRejection(line: 4, column: "date", reason: "'2024-13-01' is not a date", orderReference: "O3"),
                CSVRejection(line: 5, column: "total", reason: "'-5.00' is negative", orderReference: "O4"),
                CSVRejection(
                    line: 6, column: "currency", reason: "'ABC' is not an ISO 4217 currency code", orderReference: "O5"),
                CSVRejection(line: 7, column: "customer_id", reason: "customer_id is empty", orderReference: "O6"),
                CSVRejection(line: 10, column: "date", reason: "'2030-01-01' is in the future", orderReference: "O8"),
                CSVRejection(line: 13, column: "total", reason: "'abc' is not an amount in USD", orderReference: "O10"),
            ])
    }

    @Test func genericOrdersCarryIdentitiesLinesAndExactMoney() throws {
        let text = Fixture.text("csv/generic_orders.csv")

        let orders = orders(
            try CSVOrderImport.items(in: text, format: .generic(GenericCSVMapping()), options: Instant.options))

        let first = try #require(orders.first)
        #expect(first.customer?.identities == [.init(.csv, "C1"), .init(.email, "ann@example.com")])
        #expect(first.customer?.firstName == "Ann")
        #expect(first.totalMinor == 19_99)
        #expect(first.subtotalMinor == 19_99)
        #expect(first.placedAt == Instant.utc("2024-03-01T00:00:00Z"))
        let grouped = orders[1]
        #expect(grouped.lines.map(\.title) == ["Tea", "Cup"])
        #expect(grouped.placedAt == Instant.utc("2024-03-07T09:30:00Z"))
        let quoted = orders[2]
        #expect(quoted.customer?.firstName == "Name With")
        #expect(quoted.customer?.lastName == "\"Quotes\"")
        #expect(quoted.lines.first?.title == "Multi\nline product")
        #expect(quoted.currency == CurrencyCode("EUR"))
        #expect(orders[3].currency == CurrencyCode("JPY"))
        #expect(orders[3].totalMinor == 42)
    }

    @Test func genericMappingResolvesRenamedColumnsAndTimeZones() throws {
        let text = "Client,Invoice,Placed,Amount\nk-1,inv-9,2024-03-10 08:00,12.5\n"
        let mapping = GenericCSVMapping(
            customerID: "client", orderID: "invoice", date: "placed", total: "amount", currency: nil,
            defaultCurrency: CurrencyCode("CAD"), timeZone: TimeZone(identifier: "America/Toronto")!)

        let items = try CSVOrderImport.items(in: text, format: .generic(mapping), options: Instant.options)

        let order = try #require(orders(items).first)
        #expect(order.currency == CurrencyCode("CAD"))
        #expect(order.totalMinor == 12_50)
        #expect(order.placedAt == Instant.utc("2024-03-10T12:00:00Z"))  // EDT (UTC−4) began at 02:00 that morning
    }

    @Test func missingRequiredColumnIsAHeaderError() {
        let text = "customer_id,date,total,currency\nC1,2024-01-01,1.00,USD\n"

        #expect(throws: IngestError(.missingField, field: "order_id", reason: "the header has no 'order_id' column")) {
            try CSVOrderImport.items(in: text, format: .generic(GenericCSVMapping()), options: Instant.options)
        }
    }

    @Test func asyncSequenceStreamsTheSameItems() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orders-\(UUID().uuidString).csv")
        try Data(Fixture.bytes("csv/generic_orders.csv")).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let expected = try CSVOrderImport.items(
            in: Fixture.text("csv/generic_orders.csv"), format: .generic(GenericCSVMapping()), options: Instant.options)
        var streamed: [CSVImportItem] = []

        for try await item in CSVOrderImport.items(
            handle, format: .generic(GenericCSVMapping()), options: Instant.options, chunkSize: 7)
        {
            streamed.append(item)
        }

        #expect(streamed == expected)
    }
}
