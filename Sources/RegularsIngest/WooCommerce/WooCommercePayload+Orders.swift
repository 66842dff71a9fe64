import Foundation
import RegularsCore

extension WooCommercePayload {
    /// Maps a REST v3 order. Money fields are strings in the order's `currency`; WooCommerce reports line
    /// `subtotal`/`total` before tax even when the shop enters prices with tax, so ``IngestOrder/taxesIncluded`` is
    /// `false` and `total = Σ line subtotal − discount_total + shipping_total + total_tax + Σ fee_lines.total`.
    /// Times come from the `*_gmt` fields (UTC); `customer_id` 0 is a guest, known by `billing.email`.
    public static func order(_ json: JSONValue, options: IngestOptions) throws(IngestError) -> IngestOrder {
        try order(JSONCursor(json), options: options)
    }

    static func order(_ root: JSONCursor, options: IngestOptions) throws(IngestError) -> IngestOrder {
        try root.object()
        let currency = try root["currency"].currency()
        let id = try root["id"].identifier()
        var lines: [IngestOrderLine] = []
        for line in try root["line_items"].elements() {
            lines.append(try orderLine(line, currency: currency))
        }
        var fees: Int64 = 0
        for fee in try root["fee_lines"].elements() {
            fees += try fee["total"].optionalMinorUnits(currency, allowNegative: true) ?? 0
        }
        var codes: [String] = []
        for coupon in try root["coupon_lines"].elements() {
            if let code = try coupon["code"].optionalString() { codes.append(code) }
        }
        let billing = root["billing"]
        try billing.optionalObject()
        let email = EmailAddress(try billing["email"].optionalString() ?? "")
        var customer: IngestCustomer?
        if let customerID = try root["customer_id"].optionalInt64(), customerID > 0 {
            var identities = [IngestIdentity(.woocommerce, String(customerID))]
            if let email { identities.append(IngestIdentity(.email, email.value)) }
            customer = IngestCustomer(
                identities: identities, email: email, phone: PhoneNumber(try billing["phone"].optionalString() ?? ""),
                firstName: try billing["first_name"].optionalString(),
                lastName: try billing["last_name"].optionalString(), address: try address(billing))
        }
        let status = try root["status"].string()
        let createdAt = try root["date_created_gmt"].date(options)
        let modifiedAt = try root["date_modified_gmt"].optionalDate(options) ?? createdAt
        let paidAt = try root["date_paid_gmt"].optionalDate(options)
        let hasRefunds = try !root["refunds"].elements().isEmpty
        let attribution = try attribution(root["meta_data"])

        let order = IngestOrder(
            source: .woocommerce, externalID: id, number: try root["number"].optionalIdentifier(), customer: customer,
            email: email, placedAt: createdAt, currency: currency,
            subtotalMinor: lines.reduce(0) { $0 + $1.subtotalMinor },
            discountMinor: try root["discount_total"].optionalMinorUnits(currency) ?? 0,
            shippingMinor: try root["shipping_total"].optionalMinorUnits(currency) ?? 0,
            taxMinor: try root["total_tax"].optionalMinorUnits(currency) ?? 0, taxesIncluded: false,
            otherChargesMinor: fees, totalMinor: try root["total"].minorUnits(currency),
            financialStatus: financialStatus(status, paid: paidAt != nil, hasRefunds: hasRefunds),
            fulfillmentStatus: fulfillmentStatus(status), sourceStatus: status,
            cancelledAt: status == "cancelled" ? modifiedAt : nil, discountCodes: codes,
            landingSite: attribution.landing, referringSite: attribution.referrer, billingAddress: try address(billing),
            sourceUpdatedAt: modifiedAt, lines: lines)
        try Validation.checkTotals(order, options: options, totalField: root["total"].field)
        return order
    }

    /// A line: `subtotal` (before discounts) and `total` (after) are exact strings; the unit price is
    /// `subtotal ÷ quantity` when that divides evenly, else the `price` number when it is exact, else the
    /// division rounded half up (the line subtotal stays exact).
    static func orderLine(_ line: JSONCursor, currency: CurrencyCode) throws(IngestError) -> IngestOrderLine {
        try line.object()
        let quantity = try line["quantity"].quantity()
        let subtotal = try line["subtotal"].minorUnits(currency)
        let total = try line["total"].optionalMinorUnits(currency) ?? subtotal
        var unit = quantity == 0 ? 0 : subtotal / quantity
        if quantity > 0, subtotal % quantity != 0 {
            // `price` is a JSON number such as 333.33333333333331: usable only when exact in the currency.
            let exactPrice = (try? line["price"].optionalMinorUnits(currency)) ?? nil
            unit = exactPrice ?? (subtotal * 2 + quantity) / (quantity * 2)
        }
        guard let name = try line["name"].optionalString() else { throw line["name"].missing() }
        return IngestOrderLine(
            externalID: try line["id"].optionalIdentifier(), productExternalID: try nonZeroID(line["product_id"]),
            variantExternalID: try nonZeroID(line["variation_id"]), sku: try line["sku"].optionalString(),
            title: HTMLEntities.decode(name), quantity: quantity, unitPriceMinor: unit, subtotalMinor: subtotal,
            discountMinor: subtotal - total)
    }

    /// Refunds listed on the order (`refunds[]`: `id`, `reason`, `total` as a negative string). WooCommerce's order
    /// JSON carries no refund date, so `createdAt` is the order's `date_modified_gmt`.
    static func refunds(_ root: JSONCursor, order: IngestOrder) throws(IngestError) -> [IngestRefund] {
        var result: [IngestRefund] = []
        for refund in try root["refunds"].elements() {
            let amount = try refund["total"].minorUnits(order.currency, allowNegative: true)
            result.append(
                IngestRefund(
                    source: .woocommerce, externalID: try refund["id"].identifier(),
                    orderExternalID: order.externalID, createdAt: order.sourceUpdatedAt, currency: order.currency,
                    amountMinor: abs(amount), reason: try refund["reason"].optionalString()))
        }
        return result
    }

    static func financialStatus(_ status: String, paid: Bool, hasRefunds: Bool) -> IngestFinancialStatus? {
        let base: IngestFinancialStatus?
        switch status {
        case "pending", "on-hold", "checkout-draft": base = .pending
        case "processing", "completed": base = .paid
        case "cancelled": base = .voided
        case "refunded": base = .refunded
        case "failed": base = .failed
        case "trash": base = nil
        default: base = paid ? .paid : nil
        }
        if base == .paid, hasRefunds { return .partiallyRefunded }
        return base
    }

    static func fulfillmentStatus(_ status: String) -> IngestFulfillmentStatus? {
        switch status {
        case "completed": .fulfilled
        case "pending", "on-hold", "processing", "checkout-draft": .unfulfilled
        default: nil
        }
    }

    /// WooCommerce 8.5+ order attribution, stored in `meta_data`.
    static func attribution(_ meta: JSONCursor) throws(IngestError) -> (landing: String?, referrer: String?) {
        var landing: String?
        var referrer: String?
        for entry in try meta.elements() {
            guard let key = try? entry["key"].optionalString() else { continue }
            switch key {
            case "_wc_order_attribution_session_entry": landing = try? entry["value"].optionalString()
            case "_wc_order_attribution_referrer": referrer = try? entry["value"].optionalString()
            default: continue
            }
        }
        return (landing, referrer)
    }

    static func nonZeroID(_ cursor: JSONCursor) throws(IngestError) -> String? {
        guard let id = try cursor.optionalIdentifier(), id != "0" else { return nil }
        return id
    }

    static func address(_ cursor: JSONCursor) throws(IngestError) -> IngestAddress? {
        guard try cursor.optionalObject() != nil else { return nil }
        let name = PersonName.display(
            first: try cursor["first_name"].optionalString(), last: try cursor["last_name"].optionalString())
        let address = IngestAddress(
            name: name.isEmpty ? nil : name, line1: try cursor["address_1"].optionalString(),
            line2: try cursor["address_2"].optionalString(), city: try cursor["city"].optionalString(),
            region: try cursor["state"].optionalString(), postalCode: try cursor["postcode"].optionalString(),
            countryCode: try cursor["country"].optionalString()?.uppercased(),
            phone: try cursor["phone"].optionalString())
        return address.isEmpty ? nil : address
    }
}
