import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct ShopifyResourceTests {
    func decode(_ topic: String, _ file: String, orderCurrency: CurrencyCode? = nil) throws -> ShopifyPayload {
        try ShopifyPayload.decode(
            topic: topic, body: Fixture.bytes(file), options: Instant.options, orderCurrency: orderCurrency)
    }

    @Test func refundAmountComesFromTransactionsAndLinesFromRefundLineItems() throws {
        let payload = try decode("refunds/create", "shopify/refunds_create.json")

        guard case .refund(let refund) = payload else {
            Issue.record("expected a refund, got \(payload)")
            return
        }
        #expect(refund.externalID == "890088186047892319")
        #expect(refund.orderExternalID == "820982911946154500")
        #expect(refund.currency == CurrencyCode("USD"))
        #expect(refund.amountMinor == 85_00)  // 75.00 + 10.00
        #expect(refund.baseAmountMinor == nil)
        #expect(refund.reason == "Things were damaged")
        #expect(refund.createdAt == Instant.utc("2022-01-01T00:00:00Z"))
        // `subtotal` is a JSON number (89.99) in Shopify's sample: read from its literal text, never via Double.
        #expect(refund.lines.map(\.amountMinor) == [89_99, 19_99, 24_99, 159_99, 119_99])
        #expect(refund.lines.map(\.quantity) == [1, 1, 1, 1, 1])
        #expect(refund.lines[0].lineExternalID == "487817672276298554")
        #expect(refund.lines[0].sku == "SKU2006-001")
    }

    @Test func refundWithoutAnyCurrencyNeedsTheOrderCurrency() throws {
        let body = Array(
            #"{"id": 7, "order_id": 9, "created_at": "2024-01-01T00:00:00Z", "transactions": [{"kind": "refund", "status": "success", "amount": "1500", "currency": null}], "refund_line_items": []}"#
                .utf8)

        let withoutHint = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "refunds/create", body: body, options: Instant.options)
        }
        let withHint = try ShopifyPayload.decode(
            topic: "refunds/create", body: body, options: Instant.options, orderCurrency: CurrencyCode("JPY"))

        #expect(withoutHint?.kind == .missingField)
        #expect(withoutHint?.field == "transactions[0].currency")
        guard case .refund(let refund) = withHint else {
            Issue.record("expected a refund")
            return
        }
        #expect(refund.currency == CurrencyCode("JPY"))
        #expect(refund.amountMinor == 1500)
    }

    @Test func failedRefundTransactionsMoveNoMoney() throws {
        let body = Array(
            #"{"id": 7, "order_id": 9, "created_at": "2024-01-01T00:00:00Z", "transactions": [{"kind": "refund", "status": "failure", "amount": "15.00", "currency": "EUR"}, {"kind": "refund", "status": "pending", "amount": "5.00", "currency": "EUR"}]}"#
                .utf8)

        let payload = try ShopifyPayload.decode(topic: "refunds/create", body: body, options: Instant.options)

        guard case .refund(let refund) = payload else {
            Issue.record("expected a refund")
            return
        }
        #expect(refund.amountMinor == 5_00)
    }

    @Test func customerCreateYieldsShopifyAndEmailIdentities() throws {
        let payload = try decode("customers/create", "shopify/customers_create.json")

        guard case .customer(let customer) = payload else {
            Issue.record("expected a customer, got \(payload)")
            return
        }
        #expect(customer.identities == [.init(.shopify, "706405506930370084"), .init(.email, "bob@biller.com")])
        #expect(customer.firstName == "Bob")
        #expect(customer.lastName == "Biller")
        #expect(customer.phone == nil)
        #expect(customer.address?.countryCode == "CA")
        #expect(customer.address?.phone == "555-555-5555")
        #expect(customer.consents.isEmpty)
        #expect(customer.sourceUpdatedAt == Instant.utc("2022-01-01T00:00:00Z"))
    }

    @Test func customerUpdateWithOnlyLegacyMarketingFlagReportsEmailConsentWithdrawn() throws {
        let payload = try decode("customers/update", "shopify/customers_update.json")

        guard case .customer(let customer) = payload else {
            Issue.record("expected a customer, got \(payload)")
            return
        }
        #expect(customer.tags == [])
        #expect(
            customer.consents == [
                IngestConsent(
                    channel: .email, granted: false, at: Instant.utc("2022-01-01T00:00:00Z"), source: .shopify,
                    sourceState: "does_not_accept_marketing")
            ])
    }

    @Test func customerConsentObjectsAreMappedPerChannel() throws {
        let body = Array(
            #"""
            {"id": 5, "email": "A@B.CO", "phone": "+1 (415) 555-0100", "tags": "vip, wholesale", "updated_at": "2024-02-01T00:00:00Z",
             "email_marketing_consent": {"state": "subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": "2024-01-15T12:00:00Z"},
             "sms_marketing_consent": {"state": "unsubscribed", "opt_in_level": "single_opt_in", "consent_updated_at": null, "consent_collected_from": "SHOPIFY"}}
            """#.utf8)

        let payload = try ShopifyPayload.decode(topic: "customers/update", body: body, options: Instant.options)

        guard case .customer(let customer) = payload else {
            Issue.record("expected a customer")
            return
        }
        #expect(customer.email == EmailAddress("a@b.co"))
        #expect(customer.phone == PhoneNumber("+14155550100"))
        #expect(customer.tags == ["vip", "wholesale"])
        #expect(
            customer.consents == [
                IngestConsent(
                    channel: .email, granted: true, at: Instant.utc("2024-01-15T12:00:00Z"), source: .shopify,
                    sourceState: "subscribed", optInLevel: "single_opt_in"),
                IngestConsent(
                    channel: .sms, granted: false, at: Instant.utc("2024-02-01T00:00:00Z"), source: .shopify,
                    sourceState: "unsubscribed", optInLevel: "single_opt_in", collectedFrom: "SHOPIFY"),
            ])
    }

    @Test func smsConsentUpdateWithNullStateReportsNoDecision() throws {
        let payload = try decode(
            "customers_marketing_consent/update", "shopify/customers_marketing_consent_update.json")

        #expect(payload == .consentUpdate(IngestCustomer(identities: [.init(.shopify, "706405506930370000")])))
    }

    @Test func emailConsentUpdateGrantsAtTheConsentTime() throws {
        let payload = try decode(
            "customers/email_marketing_consent_update", "shopify/customers_email_marketing_consent_update.json")

        guard case .consentUpdate(let update) = payload else {
            Issue.record("expected a consent update, got \(payload)")
            return
        }
        #expect(update.identities == [.init(.shopify, "706405506930370084"), .init(.email, "bob@biller.com")])
        #expect(
            update.consents == [
                IngestConsent(
                    channel: .email, granted: true, at: Instant.utc("2022-01-03T10:15:00Z"), source: .shopify,
                    sourceState: "subscribed", optInLevel: "confirmed_opt_in")
            ])
    }

    @Test func abandonedCheckoutKeysOnTokenWithRecoveryURL() throws {
        let payload = try decode("checkouts/create", "shopify/checkouts_create.json")

        guard case .checkout(let checkout) = payload else {
            Issue.record("expected a checkout, got \(payload)")
            return
        }
        #expect(checkout.token == "123123123")
        #expect(checkout.currency == CurrencyCode("USD"))
        #expect(checkout.valueMinor == 421_88)
        #expect(
            checkout.recoveryURL
                == "https://checkout.local/548380009/checkouts/123123123/recover?key=example-secret-token")
        #expect(checkout.email == EmailAddress("example@email.com"))
        #expect(checkout.customer?.identity(.shopify) == "603851970716743426")
        #expect(checkout.completedAt == nil)
        #expect(checkout.lines.map(\.unitPriceMinor) == [199_00, 199_00])
        #expect(checkout.lines[0].variantExternalID == "808950810")
    }

    @Test func updateAndCreateTopicsShareTheirMappings() throws {
        let checkout = try decode("checkouts/update", "shopify/checkouts_create.json")
        let fulfillment = try decode("fulfillments/create", "shopify/fulfillments_update.json")

        guard case .checkout = checkout, case .fulfillment = fulfillment else {
            Issue.record("expected a checkout and a fulfillment, got \(checkout) and \(fulfillment)")
            return
        }
    }

    @Test func fulfillmentCarriesTrackingDetails() throws {
        let payload = try decode("fulfillments/update", "shopify/fulfillments_update.json")

        guard case .fulfillment(let fulfillment) = payload else {
            Issue.record("expected a fulfillment, got \(payload)")
            return
        }
        #expect(fulfillment.externalID == "123456")
        #expect(fulfillment.orderExternalID == "820982911946154500")
        #expect(fulfillment.status == "pending")
        #expect(fulfillment.carrier == "UPS")
        #expect(fulfillment.trackingNumbers == ["1z827wk74630"])
        #expect(
            fulfillment.trackingURLs == [
                "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630"
            ])
        #expect(fulfillment.lineExternalIDs.count == 5)
        #expect(fulfillment.updatedAt == Instant.utc("2022-01-01T00:00:00Z"))
    }

    @Test func privacyRequestsNameTheCustomerAndOrders() throws {
        let redact = try decode("customers/redact", "shopify/customers_redact.json")
        let dataRequest = try decode("customers/data_request", "shopify/customers_data_request.json")
        let shopRedact = try decode("shop/redact", "shopify/shop_redact.json")

        #expect(
            redact
                == .privacyRequest(
                    IngestPrivacyRequest(
                        kind: .redactCustomer, shopID: "954889", shopDomain: "{shop}.myshopify.com",
                        customerExternalID: "191167", email: EmailAddress("john@example.com"), phone: "555-625-1199",
                        orderExternalIDs: ["299938", "280263", "220458"])))
        #expect(
            dataRequest
                == .privacyRequest(
                    IngestPrivacyRequest(
                        kind: .customerDataRequest, shopID: "954889", shopDomain: "{shop}.myshopify.com",
                        customerExternalID: "191167", email: EmailAddress("john@example.com"), phone: "555-625-1199",
                        orderExternalIDs: ["299938", "280263", "220458"], dataRequestID: "9999")))
        #expect(
            shopRedact
                == .privacyRequest(
                    IngestPrivacyRequest(kind: .redactShop, shopID: "954889", shopDomain: "{shop}.myshopify.com")))
    }

    @Test func customerRedactWithoutCustomerIsRejected() {
        let body = Array(#"{"shop_id": 1, "shop_domain": "x.myshopify.com", "orders_to_redact": []}"#.utf8)

        let error = ingestError { () throws(IngestError) in
            try ShopifyPayload.decode(topic: "customers/redact", body: body, options: Instant.options)
        }

        #expect(error == IngestError(.missingField, field: "customer", reason: "this field is required"))
    }
}
