import Foundation
import RegularsCore

extension ShopifyPayload {
    /// Maps a Shopify order (REST Admin API resource). Amounts come from the `*_set.presentment_money` objects
    /// when present (the currency the customer paid in), with `*_set.shop_money` as ``IngestOrder/baseAmounts``;
    /// without sets, from the plain string fields in `currency`. Original (not `current_*`) amounts are used:
    /// refunds arrive as refunds/create and are subtracted by the server.
    public static func order(_ json: JSONValue, options: IngestOptions) throws(IngestError) -> IngestOrder {
        try order(JSONCursor(json), options: options)
    }

    static func order(_ root: JSONCursor, options: IngestOptions) throws(IngestError) -> IngestOrder {
        try root.object()
        let externalID = try resourceID(root)
        let shopCurrency = try root["currency"].currency()
        let usesSets = try root["total_price_set"].optionalObject() != nil
        var currency = shopCurrency
        if usesSets {
            let presentment = root["total_price_set"]["presentment_money"]["currency_code"]
            if let code = try presentment.optionalCurrency() {
                currency = code
            } else if let code = try root["presentment_currency"].optionalCurrency() {
                currency = code
            }
        }
        let amounts = ShopifyAmounts(root: root, usesSets: usesSets, currency: currency, shopCurrency: shopCurrency)

        var lines: [IngestOrderLine] = []
        for line in try root["line_items"].elements() {
            lines.append(try orderLine(line, amounts: amounts))
        }
        let subtotal = try amounts.read("total_line_items_price") ?? lines.reduce(0) { $0 + $1.subtotalMinor }
        let discount = try amounts.read("total_discounts") ?? 0
        var shipping = try amounts.read("total_shipping_price", hasPlainField: false)
        if shipping == nil { shipping = try shippingFromLines(root, amounts) }
        let tax = try amounts.read("total_tax") ?? 0
        guard let total = try amounts.read("total_price") else { throw root["total_price"].missing() }
        let other = try otherCharges(root, amounts)
        let base = try baseAmounts(
            amounts, subtotal: subtotal, discount: discount, shipping: shipping ?? 0, tax: tax, total: total)

        var customer: IngestCustomer?
        if try root["customer"].optionalObject() != nil {
            customer = try self.customer(root["customer"], options: options, requireUpdatedAt: false)
        }
        var email = EmailAddress(try root.firstString("email", "contact_email") ?? "")
        if email == nil { email = customer?.email }

        let createdAt = try root["created_at"].date(options)
        let placedAt = try root["processed_at"].optionalDate(options) ?? createdAt
        let financial = try root["financial_status"].optionalString()
        let fulfillment = try root["fulfillment_status"].optionalString()
        var codes: [String] = []
        for code in try root["discount_codes"].elements() {
            if let text = try code["code"].optionalString() { codes.append(text) }
        }

        let order = IngestOrder(
            source: .shopify, externalID: externalID, number: try root["name"].optionalString(), customer: customer,
            email: email, placedAt: placedAt, currency: currency, subtotalMinor: subtotal, discountMinor: discount,
            shippingMinor: shipping ?? 0, taxMinor: tax,
            taxesIncluded: try root["taxes_included"].optionalBool() ?? false,
            otherChargesMinor: other, totalMinor: total, baseAmounts: base,
            financialStatus: financial.flatMap { IngestFinancialStatus(rawValue: $0.lowercased()) },
            fulfillmentStatus: fulfillmentStatus(fulfillment),
            sourceStatus: financial, cancelledAt: try root["cancelled_at"].optionalDate(options),
            discountCodes: codes, landingSite: try root["landing_site"].optionalString(),
            referringSite: try root["referring_site"].optionalString(),
            billingAddress: try address(root["billing_address"]), isTest: try root["test"].optionalBool() ?? false,
            sourceUpdatedAt: try root["updated_at"].date(options), lines: lines)
        try Validation.checkTotals(order, options: options, totalField: root["total_price"].field)
        return order
    }

    /// `null` means nothing has shipped yet; unknown words map to `nil`.
    static func fulfillmentStatus(_ text: String?) -> IngestFulfillmentStatus? {
        guard let text else { return .unfulfilled }
        return IngestFulfillmentStatus(rawValue: text.lowercased())
    }

    static func orderLine(_ line: JSONCursor, amounts: ShopifyAmounts) throws(IngestError) -> IngestOrderLine {
        try line.object()
        let title = try line.firstString("title", "name")
        guard let title else { throw line["title"].missing() }
        let quantity = try line["quantity"].quantity()
        guard let price = try amounts.read("price", in: line) else { throw line["price"].missing() }
        var discount: Int64 = 0
        let allocations = try line["discount_allocations"].elements()
        if allocations.isEmpty {
            discount = try amounts.read("total_discount", in: line) ?? 0
        } else {
            for allocation in allocations {
                discount += try amounts.read("amount", in: allocation) ?? 0
            }
        }
        return IngestOrderLine(
            externalID: try optionalResourceID(line), productExternalID: try line["product_id"].optionalIdentifier(),
            variantExternalID: try line["variant_id"].optionalIdentifier(), sku: try line["sku"].optionalString(),
            title: title, quantity: quantity, unitPriceMinor: price, discountMinor: discount)
    }

    static func shippingFromLines(_ root: JSONCursor, _ amounts: ShopifyAmounts) throws(IngestError) -> Int64 {
        var total: Int64 = 0
        for line in try root["shipping_lines"].elements() {
            total += try amounts.read("price", in: line) ?? 0
        }
        return total
    }

    /// Tips, duties (unless included in prices) and additional fees, which Shopify counts in `total_price`.
    static func otherCharges(_ root: JSONCursor, _ amounts: ShopifyAmounts) throws(IngestError) -> Int64 {
        var other: Int64 = 0
        if amounts.currency == amounts.shopCurrency {
            other += try root["total_tip_received"].optionalMinorUnits(amounts.currency) ?? 0
        }
        if try root["duties_included"].optionalBool() != true {
            other += try amounts.read("original_total_duties", hasPlainField: false) ?? 0
        }
        other += try amounts.read("original_total_additional_fees", hasPlainField: false) ?? 0
        return other
    }

    static func baseAmounts(
        _ amounts: ShopifyAmounts, subtotal: Int64, discount: Int64, shipping: Int64, tax: Int64, total: Int64
    ) throws(IngestError) -> IngestBaseAmounts? {
        guard amounts.usesSets, let baseTotal = try amounts.readShop("total_price") else { return nil }
        let same = amounts.currency == amounts.shopCurrency
        func component(_ key: String, _ presentment: Int64) throws(IngestError) -> Int64? {
            if let value = try amounts.readShop(key) { return value }
            return same ? presentment : nil
        }
        guard let baseSubtotal = try component("total_line_items_price", subtotal),
            let baseDiscount = try component("total_discounts", discount),
            let baseShipping = try component("total_shipping_price", shipping),
            let baseTax = try component("total_tax", tax)
        else { return nil }
        return IngestBaseAmounts(
            currency: amounts.shopCurrency, subtotalMinor: baseSubtotal, discountMinor: baseDiscount,
            shippingMinor: baseShipping, taxMinor: baseTax, totalMinor: baseTotal)
    }
}
