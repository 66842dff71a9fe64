import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct ShopifyOrderTests {
    func decodeOrder(
        _ bytes: [UInt8], topic: String = "orders/create", options: IngestOptions = Instant.options
    ) throws -> IngestOrder {
        let payload = try ShopifyPayload.decode(topic: topic, body: bytes, options: options)
        guard case .order(let order) = payload else {
            Issue.record("expected an order, got \(payload)")
            throw IngestError(.invalidValue, field: "", reason: "not an order")
        }
        return order
    }

    @Test func documentedOrderMapsToCanonicalTotalsAndIdentities() throws {
        let body = Fixture.bytes("shopify/orders_create.json")

        let order = try decodeOrder(body)

        #expect(order.source == .shopify)
        #expect(order.externalID == "820982911946154508")  // from admin_graphql_api_id, not the rounded id
        #expect(order.number == "#9999")
        #expect(order.currency == CurrencyCode("USD"))
        #expect(order.subtotalMinor == 414_95)
        #expect(order.discountMinor == 20_00)
        #expect(order.shippingMinor == 10_00)
        #expect(order.taxMinor == 0)
        #expect(order.totalMinor == 404_95)
        #expect(order.expectedTotalMinor == order.totalMinor)
        #expect(
            order.baseAmounts
                == IngestBaseAmounts(
                    currency: CurrencyCode("USD")!, subtotalMinor: 414_95, discountMinor: 20_00, shippingMinor: 10_00,
                    taxMinor: 0, totalMinor: 404_95))
        #expect(order.financialStatus == .voided)
        #expect(order.fulfillmentStatus == .unfulfilled)
        #expect(order.cancelledAt == Instant.utc("2022-01-01T00:00:00Z"))
        #expect(order.placedAt == Instant.utc("2022-01-01T00:00:00Z"))
        #expect(order.sourceUpdatedAt == Instant.utc("2022-01-01T00:00:00Z"))
        #expect(order.email == EmailAddress("jon@example.com"))
        #expect(order.isTest)
        #expect(order.billingAddress?.countryCode == "US")
        #expect(
            order.customer?.identities == [.init(.shopify, "115310627314723954"), .init(.email, "john@example.com")])
        #expect(order.customer?.firstName == "John")
        #expect(order.customer?.phone == nil)
        #expect(order.lines.count == 5)
        #expect(order.lines.map(\.unitPriceMinor) == [89_99, 19_99, 24_99, 159_99, 119_99])
        #expect(order.lines[0].externalID == "487817672276298554")
        #expect(order.lines[0].productExternalID == "788032119674292900")
        #expect(order.lines[0].sku == "SKU2006-001")
        #expect(order.lines[1].productExternalID == nil)
    }

    @Test(arguments: [
        ("orders/paid", "shopify/orders_paid.json", IngestFinancialStatus.paid, IngestFulfillmentStatus.unfulfilled),
        ("orders/fulfilled", "shopify/orders_fulfilled.json", .paid, .fulfilled),
    ])
    func statusTopicsUseTheSameMapping(
        topic: String, file: String, financial: IngestFinancialStatus, fulfillment: IngestFulfillmentStatus
    ) throws {
        // Shopify documents one sample for all order topics; patch the status fields as a real delivery would.
        var replacements = [("\"financial_status\": \"voided\"", "\"financial_status\": \"\(financial.rawValue)\"")]
        if fulfillment == .fulfilled {
            replacements.append(
                (
                    "\"fulfillment_status\": null,\n  \"landing_site\"",
                    "\"fulfillment_status\": \"fulfilled\",\n  \"landing_site\""
                ))
        }
        let body = Fixture.patched(file, replacements)

        let order = try decodeOrder(body, topic: topic)

        #expect(order.financialStatus == financial)
        #expect(order.fulfillmentStatus == fulfillment)
        #expect(order.totalMinor == 404_95)
    }

    @Test(arguments: [
        "orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled",
        "orders/partially_fulfilled",
    ])
    func everyOrderTopicYieldsAnOrder(topic: String) throws {
        let order = try decodeOrder(Fixture.bytes("shopify/orders_create.json"), topic: topic)

        #expect(order.externalID == "820982911946154508")
    }

    @Test func guestCheckoutInAPresentmentCurrencyKeepsShopMoneyAsBase() throws {
        let body = Fixture.bytes("shopify/orders_create_guest_multicurrency.json")

        let order = try decodeOrder(body)

        #expect(order.customer == nil)
        #expect(order.email == EmailAddress("guest.buyer@example.org"))
        #expect(order.currency == CurrencyCode("EUR"))
        #expect(order.subtotalMinor == 33_00)
        #expect(order.discountMinor == 2_50)
        #expect(order.shippingMinor == 4_90)
        #expect(order.taxMinor == 5_36)
        #expect(order.taxesIncluded)
        #expect(order.totalMinor == 35_40)
        #expect(order.baseAmounts?.currency == CurrencyCode("USD"))
        #expect(order.baseAmounts?.totalMinor == 38_94)
        #expect(order.baseAmounts?.subtotalMinor == 36_30)
        #expect(order.discountCodes == ["SPRING10"])
        #expect(order.fulfillmentStatus == .partial)
        #expect(order.landingSite == "/products/ceramic-mug?utm_source=newsletter")
        #expect(order.lines.map(\.discountMinor) == [2_50, 0])
        #expect(order.lines.map(\.unitPriceMinor) == [12_50, 8_00])
        #expect(order.lines[1].sku == nil)
        #expect(order.placedAt == Instant.utc("2024-03-05T08:12:43Z"))
    }

    @Test func totalsThatDoNotAddUpNameTheTotalField() {
        let body = Fixture.patched(
            "shopify/orders_create_guest_multicurrency.json",
            [("\"amount\": \"35.40\"", "\"amount\": \"36.40\"")])

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: Instant.options)
        }

        #expect(error?.kind == .totalsMismatch)
        #expect(error?.field == "total_price")
        #expect(error?.httpStatus == 422)
    }

    @Test func totalsCheckCanBeTurnedOff() throws {
        let body = Fixture.patched(
            "shopify/orders_create_guest_multicurrency.json",
            [("\"amount\": \"35.40\"", "\"amount\": \"36.40\"")])
        let lenient = IngestOptions(now: Instant.testNow, enforceTotals: false)

        let order = try decodeOrder(body, options: lenient)

        #expect(order.totalMinor == 36_40)
    }

    @Test func negativeQuantityIsRejectedWithItsPath() {
        let body = Fixture.patched(
            "shopify/orders_create_guest_multicurrency.json", [("\"quantity\": 1,", "\"quantity\": -1,")])

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: Instant.options)
        }

        #expect(
            error == IngestError(.negativeValue, field: "line_items[1].quantity", reason: "quantity -1 is negative"))
    }

    @Test func unknownCurrencyIsRejected() {
        let body = Fixture.patched(
            "shopify/orders_create.json",
            [("\"currency\": \"USD\",\n  \"current_shipping", "\"currency\": \"XYZ\",\n  \"current_shipping")])

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: Instant.options)
        }

        #expect(error?.kind == .unknownCurrency)
        #expect(error?.field == "currency")
    }

    @Test func amountsWithMoreDecimalsThanTheCurrencyAllowsAreRejectedNotRounded() {
        let body = Fixture.patched(
            "shopify/orders_create_guest_multicurrency.json", [("\"amount\": \"12.50\"", "\"amount\": \"12.505\"")])

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: Instant.options)
        }

        #expect(error?.kind == .invalidValue)
        #expect(error?.field == "line_items[0].price_set.presentment_money.amount")
    }

    @Test func datesBeyondTheFutureToleranceAreRejected() {
        let body = Fixture.bytes("shopify/orders_create.json")
        let now = Instant.utc("2021-12-30T00:00:00Z")  // the order claims 2022-01-01T00:00Z: 48 h ahead
        let tolerant = IngestOptions(now: now, futureTolerance: .seconds(72 * 3600))

        let strictError = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: IngestOptions(now: now))
        }
        let tolerantError = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: tolerant)
        }

        #expect(strictError?.kind == .futureDate)
        #expect(strictError?.field == "created_at")
        #expect(tolerantError == nil)
    }

    @Test func malformedJSONIsA400NamingThePosition() {
        let body = Array("{\n  \"id\": 1,\n  \"name\": \"#1\"\n  \"total_price\": \"1.00\"\n}".utf8)

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: Instant.options)
        }

        #expect(error?.kind == .malformedBody)
        #expect(error?.httpStatus == 400)
        #expect(error?.reason == "expected ',' or '}' in an object at line 4, column 3")
    }

    @Test func wrongTypesAreNamed() {
        let body = Fixture.patched(
            "shopify/orders_create_guest_multicurrency.json", [("\"customer\": null", "\"customer\": \"guest\"")])

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: Instant.options)
        }

        #expect(error == IngestError(.wrongType, field: "customer", reason: "expected an object, found string"))
    }

    @Test func missingTotalIsNamed() {
        let body = Array(
            #"{"id": 1, "currency": "USD", "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z", "line_items": []}"#
                .utf8)

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "orders/create", body: body, options: Instant.options)
        }

        #expect(error == IngestError(.missingField, field: "total_price", reason: "this field is required"))
    }

    @Test func deleteCarriesOnlyTheId() throws {
        let body = Fixture.bytes("shopify/orders_delete.json")

        let payload = try ShopifyPayload.decode(topic: "orders/delete", body: body, options: Instant.options)

        #expect(payload == .orderDeleted(orderExternalID: "820982911946154500"))
    }

    @Test func topicsAreRecognisedInEveryDocumentedSpelling() {
        #expect(ShopifyTopic(header: "orders/create") == .ordersCreate)
        #expect(ShopifyTopic(header: "ORDERS_PARTIALLY_FULFILLED") == .ordersPartiallyFulfilled)
        #expect(ShopifyTopic(header: "customers/marketing_consent_update") == .customersMarketingConsentUpdate)
        #expect(
            ShopifyTopic(header: "customers_email_marketing_consent/update") == .customersEmailMarketingConsentUpdate)
        #expect(ShopifyTopic(header: "products/create") == nil)
    }

    @Test func unsupportedTopicIsAnError() {
        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "products/create", body: Array("{}".utf8), options: Instant.options)
        }

        #expect(error?.kind == .unsupportedTopic)
    }
}
