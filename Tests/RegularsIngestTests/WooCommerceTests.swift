import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct WooCommerceTests {
    func decode(_ topic: String?, _ body: [UInt8]) throws -> WooCommercePayload {
        try WooCommercePayload.decode(topic: topic, body: body, options: Instant.options)
    }

    @Test func registeredCustomerOrderMapsMoneyStringsExactly() throws {
        let payload = try decode("order.updated", Fixture.bytes("woocommerce/order_customer.json"))

        guard case .order(let order, let refunds) = payload else {
            Issue.record("expected an order, got \(payload)")
            return
        }
        #expect(order.source == .woocommerce)
        #expect(order.externalID == "4127")
        #expect(order.currency == CurrencyCode("USD"))
        #expect(order.subtotalMinor == 65_00)
        #expect(order.discountMinor == 6_50)
        #expect(order.shippingMinor == 5_00)
        #expect(order.taxMinor == 5_08)
        #expect(order.otherChargesMinor == 2_00)
        #expect(order.totalMinor == 70_58)
        #expect(order.baseAmounts == nil)
        #expect(order.financialStatus == .partiallyRefunded)
        #expect(order.fulfillmentStatus == .unfulfilled)
        #expect(order.sourceStatus == "processing")
        #expect(order.placedAt == Instant.utc("2024-04-02T14:05:11Z"))
        #expect(order.sourceUpdatedAt == Instant.utc("2024-04-03T09:00:00Z"))
        #expect(order.discountCodes == ["welcome10"])
        #expect(order.landingSite == "https://shop.example.com/coffee/?utm_source=instagram")
        #expect(order.referringSite == "https://www.instagram.com/")
        #expect(order.customer?.identities == [.init(.woocommerce, "12"), .init(.email, "maria.lopez@example.com")])
        #expect(order.customer?.phone == PhoneNumber("+14155550142"))
        #expect(order.lines.map(\.title) == ["Organic Coffee Beans 1kg", "Ceramic Dripper – Color: White"])
        #expect(order.lines.map(\.unitPriceMinor) == [15_00, 20_00])
        #expect(order.lines.map(\.discountMinor) == [4_50, 2_00])
        #expect(order.lines.map(\.variantExternalID) == [nil, "23"])
        #expect(
            refunds == [
                IngestRefund(
                    source: .woocommerce, externalID: "4131", orderExternalID: "4127",
                    createdAt: Instant.utc("2024-04-03T09:00:00Z"), currency: CurrencyCode("USD")!, amountMinor: 19_44,
                    reason: "Dripper arrived chipped")
            ])
    }

    @Test func restoredOrderIsMappedLikeAnUpdate() throws {
        let payload = try decode("order.restored", Fixture.bytes("woocommerce/order_customer.json"))

        guard case .order(let order, _) = payload else {
            Issue.record("expected an order, got \(payload)")
            return
        }
        #expect(order.externalID == "4127")
    }

    @Test func cancelledOrderIsVoidedAtItsModificationTime() throws {
        let body = Fixture.patched(
            "woocommerce/order_customer.json", [("\"status\": \"processing\"", "\"status\": \"cancelled\"")])

        let payload = try decode("order.updated", body)

        guard case .order(let order, _) = payload else {
            Issue.record("expected an order, got \(payload)")
            return
        }
        #expect(order.financialStatus == .voided)
        #expect(order.cancelledAt == Instant.utc("2024-04-03T09:00:00Z"))
    }

    @Test func guestOrderInAZeroDecimalCurrency() throws {
        let payload = try decode("order.created", Fixture.bytes("woocommerce/order_guest_jpy.json"))

        guard case .order(let order, let refunds) = payload else {
            Issue.record("expected an order, got \(payload)")
            return
        }
        #expect(order.customer == nil)
        #expect(order.email == EmailAddress("hanako@example.jp"))
        #expect(order.currency == CurrencyCode("JPY"))
        #expect(order.totalMinor == 1650)
        #expect(order.financialStatus == .paid)
        #expect(order.fulfillmentStatus == .fulfilled)
        #expect(order.billingAddress?.name == "山田花子")
        // 1000 yen for 3 does not divide evenly: the unit price is rounded, the line subtotal stays exact.
        #expect(order.lines[0].unitPriceMinor == 333)
        #expect(order.lines[0].subtotalMinor == 1000)
        #expect(order.lines[0].sku == nil)
        #expect(refunds.isEmpty)
    }

    @Test func totalsThatDoNotAddUpAreRejected() {
        let body = Fixture.patched(
            "woocommerce/order_customer.json", [("\"total\": \"70.58\"", "\"total\": \"75.58\"")])

        let error = ingestError { () throws(IngestError) in
            try WooCommercePayload.decode(topic: "order.created", body: body, options: Instant.options)
        }

        #expect(error?.kind == .totalsMismatch)
        #expect(error?.field == "total")
    }

    @Test func negativeLineAmountIsRejected() {
        let body = Fixture.patched(
            "woocommerce/order_customer.json", [("\"subtotal\": \"20.00\"", "\"subtotal\": \"-20.00\"")])

        let error = ingestError { () throws(IngestError) in
            try WooCommercePayload.decode(topic: "order.created", body: body, options: Instant.options)
        }

        #expect(
            error == IngestError(.negativeValue, field: "line_items[1].subtotal", reason: "amount -20.00 is negative"))
    }

    @Test func creationPingIsRecognisedWithoutATopic() throws {
        let payload = try decode(nil, Array("webhook_id=17".utf8))

        #expect(payload == .ping(webhookID: "17"))
        #expect(WooCommercePayload.pingWebhookID(Array(#"{"webhook_id": 17}"#.utf8)) == nil)
    }

    @Test func missingTopicOnARealDeliveryIsAnError() {
        let error = ingestError { () throws(IngestError) in
            try WooCommercePayload.decode(
                topic: nil, body: Fixture.bytes("woocommerce/order_customer.json"), options: Instant.options)
        }

        #expect(error?.kind == .missingField)
        #expect(error?.field == "X-WC-Webhook-Topic")
    }

    @Test func deletedOrderCarriesItsId() throws {
        let payload = try decode("order.deleted", Array(#"{"id": 4127}"#.utf8))

        #expect(payload == .orderDeleted(orderExternalID: "4127"))
    }

    @Test func customerMapsIdentitiesAndDropsLocalPhoneNumbers() throws {
        let payload = try decode("customer.updated", Fixture.bytes("woocommerce/customer.json"))

        guard case .customer(let customer) = payload else {
            Issue.record("expected a customer, got \(payload)")
            return
        }
        #expect(customer.identities == [.init(.woocommerce, "12"), .init(.email, "maria.lopez@example.com")])
        #expect(customer.firstName == "Maria")
        #expect(customer.phone == nil)
        #expect(customer.address?.phone == "(415) 555-0142")
        #expect(customer.sourceUpdatedAt == Instant.utc("2024-04-02T14:05:11Z"))
    }

    @Test func unknownTopicIsUnsupported() {
        let error = ingestError { () throws(IngestError) in
            try WooCommercePayload.decode(topic: "product.created", body: Array("{}".utf8), options: Instant.options)
        }

        #expect(error?.kind == .unsupportedTopic)
    }
}
