import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct SegmentCommerceTests {
    /// Decodes one track call with these properties and interprets it.
    func interpret(
        _ event: String, _ properties: String, options: IngestOptions = Instant.options
    ) throws(IngestError) -> SegmentInterpretation {
        let body = Array(
            #"{"type": "track", "event": "\#(event)", "userId": "u-1", "context": {"traits": {"email": "Buyer@Example.com"}}, "properties": \#(properties), "timestamp": "2024-05-01T12:00:00Z", "messageId": "m-1"}"#
                .utf8)
        let batch = try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: options)
        return try batch.messages[0].interpret(options: options)
    }

    func orderEffect(_ interpretation: SegmentInterpretation) -> IngestOrder? {
        guard case .order(let order) = interpretation.effect else {
            Issue.record("expected an order, got \(interpretation.effect)")
            return nil
        }
        return order
    }

    @Test func specExampleOrderCompletedUsesProductsAsSubtotalBeforeDiscount() throws {
        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/python_batch.json"), receivedAt: Instant.utc("2024-05-01T12:00:05Z"),
            options: Instant.options)

        let interpretation = try batch.messages[1].interpret(options: Instant.options)

        let order = try #require(orderEffect(interpretation))
        #expect(order.source == .segment)
        #expect(order.externalID == "50314b8e9bcf000000000000")
        #expect(order.currency == CurrencyCode("USD"))
        #expect(order.subtotalMinor == 25_00)
        #expect(order.discountMinor == 2_50)
        #expect(order.shippingMinor == 3_00)
        #expect(order.taxMinor == 2_00)
        #expect(order.totalMinor == 27_50)
        #expect(order.discountCodes == ["hasbros"])
        #expect(order.financialStatus == .paid)
        #expect(order.customer?.identities == [.init(.segmentUserID, "user-42")])
        #expect(order.lines.map(\.quantity) == [1, 2])
        #expect(order.lines.map(\.unitPriceMinor) == [19_00, 3_00])
        #expect(order.lines.map(\.sku) == ["45790-32", "46493-32"])
        #expect(order.placedAt == Instant.utc("2024-05-01T12:00:00Z"))
    }

    @Test func jsonNumberPricesAreExact() throws {
        let interpretation = try interpret(
            "Order Completed",
            #"{"order_id": "o-9", "currency": "EUR", "products": [{"product_id": "p", "price": 25.99, "quantity": 3}], "shipping": 0.1, "tax": 0.2}"#
        )

        let order = try #require(orderEffect(interpretation))
        #expect(order.subtotalMinor == 77_97)
        #expect(order.totalMinor == 78_27)
        #expect(order.email == EmailAddress("buyer@example.com"))
        #expect(order.customer?.identities == [.init(.segmentUserID, "u-1"), .init(.email, "buyer@example.com")])
    }

    @Test func revenueIsAfterDiscountWhenThereIsNoTotal() throws {
        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/rudder_batch.json"), receivedAt: Instant.utc("2024-05-02T08:03:31Z"),
            options: Instant.options)

        let interpretation = try batch.messages[1].interpret(options: Instant.options)

        #expect(interpretation.event.name == "Order Completed")
        #expect(interpretation.event.originalName == "Completed Order")
        let order = try #require(orderEffect(interpretation))
        #expect(order.currency == CurrencyCode("CNY"))
        #expect(order.subtotalMinor == 110_00)  // revenue 98.00 + discount 12.00
        #expect(order.totalMinor == 108_00)  // revenue + shipping + tax
        #expect(order.expectedTotalMinor == order.totalMinor)
    }

    @Test func unknownCurrencyIsRejectedWhenInterpreted() throws {
        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/rudder_batch.json"), receivedAt: Instant.utc("2024-05-02T08:03:31Z"),
            options: Instant.options)

        let error = ingestError { () throws(IngestError) in try batch.messages[2].interpret(options: Instant.options) }

        #expect(
            error
                == IngestError(
                    .unknownCurrency, field: "properties.currency", reason: "'ZZZ' is not an ISO 4217 currency code"))
    }

    @Test func currencyDefaultsToUSDOnlyWhenAbsent() throws {
        let order = try #require(orderEffect(try interpret("Order Completed", #"{"order_id": "o", "total": "10"}"#)))

        #expect(order.currency == CurrencyCode("USD"))
        #expect(order.subtotalMinor == 10_00)
    }

    @Test func subtotalIsReadAsAfterDiscountUnlessOnlyTheOtherReadingAddsUp() throws {
        let net = try #require(
            orderEffect(
                try interpret(
                    "Order Completed", #"{"order_id": "a", "subtotal": 90, "discount": 10, "total": 95, "shipping": 5}"#
                )))
        let gross = try #require(
            orderEffect(
                try interpret(
                    "Order Completed",
                    #"{"order_id": "b", "subtotal": 100, "discount": 10, "total": 95, "shipping": 5}"#)))

        #expect(net.subtotalMinor == 100_00)
        #expect(gross.subtotalMinor == 100_00)
        #expect(net.totalMinor == 95_00)
        #expect(gross.totalMinor == 95_00)
    }

    @Test func productsAlreadyNetOfTheDiscountAreDetectedByTheTotal() throws {
        let order = try #require(
            orderEffect(
                try interpret(
                    "Order Completed",
                    #"{"order_id": "c", "discount": 5, "total": 45, "products": [{"price": 45, "quantity": 1}]}"#)))

        #expect(order.subtotalMinor == 50_00)
        #expect(order.discountMinor == 5_00)
        #expect(order.totalMinor == 45_00)
    }

    @Test func totalsThatMatchNoReadingAreRejected() {
        let error = ingestError { () throws(IngestError) in
            try interpret(
                "Order Completed", #"{"order_id": "d", "total": 70, "products": [{"price": 45, "quantity": 1}]}"#)
        }

        #expect(error?.kind == .totalsMismatch)
        #expect(error?.field == "properties.total")
    }

    @Test func orderWithoutAnyAmountIsMissingItsTotal() {
        let error = ingestError { () throws(IngestError) in
            try interpret("Order Completed", #"{"order_id": "e", "products": [{"product_id": "p"}]}"#)
        }

        #expect(
            error
                == IngestError(
                    .missingField, field: "properties.total",
                    reason: "an order needs total, revenue, subtotal or priced products"))
    }

    @Test func negativeProductQuantityIsNamed() {
        let error = ingestError { () throws(IngestError) in
            try interpret(
                "Order Completed",
                #"{"order_id": "f", "products": [{"price": 1, "quantity": 1}, {"price": 1, "quantity": -2}]}"#)
        }

        #expect(
            error
                == IngestError(
                    .negativeValue, field: "properties.products[1].quantity", reason: "quantity -2 is negative"))
    }

    @Test func orderUpdatedIsAnUpsertWithoutPaymentStatus() throws {
        let order = try #require(orderEffect(try interpret("Order Updated", #"{"order_id": "o-1", "total": 12}"#)))

        #expect(order.externalID == "o-1")
        #expect(order.financialStatus == nil)
    }

    @Test func orderCancelledNeedsOnlyTheOrderId() throws {
        let interpretation = try interpret("Order Cancelled", #"{"order_id": "o-1", "reason": "changed mind"}"#)

        #expect(
            interpretation.effect
                == .orderCancelled(
                    IngestOrderCancellation(
                        source: .segment, orderExternalID: "o-1", cancelledAt: Instant.utc("2024-05-01T12:00:00Z"),
                        reason: "changed mind")))
    }

    @Test func refundWithOnlyTheOrderIdIsAFullRefund() throws {
        let interpretation = try interpret("Order Refunded", #"{"order_id": "o-1"}"#)

        guard case .refund(let refund) = interpretation.effect else {
            Issue.record("expected a refund, got \(interpretation.effect)")
            return
        }
        #expect(refund.amountMinor == nil)
        #expect(refund.externalID == "m-1")
        #expect(refund.orderExternalID == "o-1")
    }

    @Test func partialRefundByProducts() throws {
        let interpretation = try interpret(
            "Order Refunded",
            #"{"order_id": "o-1", "currency": "GBP", "products": [{"product_id": "p1", "sku": "S1", "price": "12.50", "quantity": 2}]}"#
        )

        guard case .refund(let refund) = interpretation.effect else {
            Issue.record("expected a refund, got \(interpretation.effect)")
            return
        }
        #expect(refund.currency == CurrencyCode("GBP"))
        #expect(refund.amountMinor == 25_00)
        #expect(
            refund.lines == [
                IngestRefundLine(position: 0, productExternalID: "p1", sku: "S1", quantity: 2, amountMinor: 25_00)
            ])
    }

    @Test func refundTotalIsAuthoritativeOverProducts() throws {
        let interpretation = try interpret(
            "Order Refunded",
            #"{"order_id": "o-1", "refund_id": "r-5", "total": 20, "products": [{"price": 12.5, "quantity": 2}]}"#)

        guard case .refund(let refund) = interpretation.effect else {
            Issue.record("expected a refund, got \(interpretation.effect)")
            return
        }
        #expect(refund.externalID == "r-5")
        #expect(refund.amountMinor == 20_00)
    }

    @Test func checkoutStartedBecomesACheckout() throws {
        let interpretation = try interpret(
            "Checkout Started",
            #"{"order_id": "50314b8e9bcf000000000000", "value": 30, "revenue": 25.00, "currency": "USD", "products": [{"product_id": "p", "name": "Uno", "price": 3, "quantity": 2}]}"#
        )

        guard case .checkout(let checkout) = interpretation.effect else {
            Issue.record("expected a checkout, got \(interpretation.effect)")
            return
        }
        #expect(checkout.token == "50314b8e9bcf000000000000")
        #expect(checkout.valueMinor == 30_00)
        #expect(checkout.email == EmailAddress("buyer@example.com"))
        #expect(checkout.lines.map(\.title) == ["Uno"])
        #expect(checkout.createdAt == Instant.utc("2024-05-01T12:00:00Z"))
    }

    @Test(arguments: [
        "Product Viewed", "Product Added", "Product Removed", "Cart Viewed", "Products Searched", "Product Reviewed",
        "Coupon Applied",
    ])
    func browsingEventsAreRecordedWithoutEffect(name: String) throws {
        let interpretation = try interpret(
            name, #"{"product_id": "p", "query": "blue", "rating": "5", "coupon_id": "c"}"#)

        #expect(interpretation.effect == .none)
        #expect(interpretation.event.name == name)
        #expect(interpretation.event.type == .track)
        #expect(interpretation.event.userID == "u-1")
    }

    @Test func pageScreenAndGroupCallsAreRecordedAsEvents() throws {
        let body = Array(
            #"""
            {"batch": [
              {"type": "page", "anonymousId": "a", "name": "Home", "properties": {"path": "/"}},
              {"type": "screen", "userId": "u", "properties": {"name": "Cart"}},
              {"type": "group", "userId": "u", "groupId": "acme", "traits": {"plan": "pro"}}
            ]}
            """#.utf8)
        let batch = try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)

        let events = try batch.messages.map { try $0.interpret(options: Instant.options) }

        #expect(events.map(\.effect) == [.none, .none, .none])
        #expect(events.map(\.event.type) == [.page, .screen, .group])
        #expect(events.map(\.event.name) == ["Home", "Cart", nil])
        #expect(events[2].event.propertiesJSON == #"{"plan":"pro"}"#)
        #expect(batch.messages[2].groupID == "acme")
    }

    @Test func identifyTraitsBecomeACustomer() throws {
        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/python_batch.json"), receivedAt: Instant.utc("2024-05-01T12:00:05Z"),
            options: Instant.options)

        let interpretation = try batch.messages[0].interpret(options: Instant.options)

        guard case .customer(let customer) = interpretation.effect else {
            Issue.record("expected a customer, got \(interpretation.effect)")
            return
        }
        #expect(customer.identities == [.init(.segmentUserID, "user-42"), .init(.email, "ada@example.com")])
        #expect(customer.firstName == "Ada")
        #expect(customer.lastName == "Lovelace")
        #expect(customer.phone == PhoneNumber("+442079460958"))
        #expect(customer.birthday == Birthday(month: 12, day: 10, year: 1990))
        #expect(customer.timeZoneIdentifier == "Europe/London")
        #expect(customer.locale == "en-GB")
        #expect(customer.supportedLocale == .en)
        #expect(customer.address?.postalCode == "SW1Y 4LB")
        #expect(interpretation.event.type == .identify)
        #expect(interpretation.event.propertiesJSON.contains(#""firstName":"Ada""#))
    }

    @Test func rudderStackContextTraitsAndFullNameAreUsed() throws {
        let batch = try SegmentBatch.decode(
            body: Fixture.bytes("segment/rudder_batch.json"), receivedAt: Instant.utc("2024-05-02T08:03:31Z"),
            options: Instant.options)

        let interpretation = try batch.messages[0].interpret(options: Instant.options)

        guard case .customer(let customer) = interpretation.effect else {
            Issue.record("expected a customer, got \(interpretation.effect)")
            return
        }
        #expect(
            customer.identities == [
                .init(.segmentUserID, "u-7"), .init(.anonymousID, "5b8f0e1c-rudder"),
                .init(.email, "li.wei@example.cn"),
            ])
        #expect(customer.firstName == "Li")
        #expect(customer.lastName == "Wei")
        #expect(customer.supportedLocale == .zh)
        #expect(customer.timeZoneIdentifier == "Asia/Shanghai")
    }

    @Test func unusableContactTraitsAreDroppedNotRejected() throws {
        let body = Array(
            #"{"type": "identify", "userId": "u", "traits": {"email": "not-an-email", "phone": "555-0100", "birthday": "13/45", "name": "Mary Ann Smith"}, "context": {"timezone": "Mars/Olympus"}}"#
                .utf8)
        let batch = try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)

        let interpretation = try batch.messages[0].interpret(options: Instant.options)

        #expect(
            interpretation.effect
                == .customer(
                    IngestCustomer(
                        identities: [.init(.segmentUserID, "u")], firstName: "Mary Ann", lastName: "Smith",
                        sourceUpdatedAt: Instant.testNow)))
    }

    @Test func aliasLinksThePreviousIdToTheUser() throws {
        let body = Array(
            #"{"type": "alias", "previousId": "anon-1", "userId": "u-9", "timestamp": "2024-05-01T00:00:00Z"}"#.utf8)
        let batch = try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)

        let interpretation = try batch.messages[0].interpret(options: Instant.options)

        #expect(
            interpretation.effect
                == .alias(
                    IngestAlias(previousID: "anon-1", userID: "u-9", occurredAt: Instant.utc("2024-05-01T00:00:00Z"))))
    }

    @Test func aliasWithoutPreviousIdIsRejected() {
        let body = Array(#"{"type": "alias", "userId": "u-9"}"#.utf8)

        let error = ingestError { () throws(IngestError) in
            try SegmentBatch.decode(body: body, receivedAt: Instant.testNow, options: Instant.options)
        }

        #expect(error == IngestError(.missingField, field: "previousId", reason: "this field is required"))
    }
}
