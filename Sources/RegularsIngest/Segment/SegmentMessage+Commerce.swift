import Foundation
import RegularsCore

extension SegmentMessage {
    /// The currency assumed when a commerce event names none (Segment's own default).
    public static let defaultCurrency = CurrencyCode("USD")!

    func commerceEffect(options: IngestOptions) throws(IngestError) -> SegmentEffect {
        guard let name = canonicalName else { return .none }
        switch name {
        case SegmentEventName.orderCompleted: return .order(try order(options: options, completed: true))
        case SegmentEventName.orderUpdated: return .order(try order(options: options, completed: false))
        case SegmentEventName.orderCancelled:
            let properties = JSONCursor(properties, path: FieldPath("properties"))
            return .orderCancelled(
                IngestOrderCancellation(
                    source: .segment, orderExternalID: try properties["order_id"].identifier(),
                    cancelledAt: occurredAt, reason: try properties["reason"].optionalString()))
        case SegmentEventName.orderRefunded: return .refund(try refund())
        case SegmentEventName.checkoutStarted: return .checkout(try checkout())
        default: return .none
        }
    }

    func currency(_ properties: JSONCursor) throws(IngestError) -> CurrencyCode {
        try properties["currency"].optionalCurrency() ?? Self.defaultCurrency
    }

    var customerFromIdentities: IngestCustomer {
        IngestCustomer(identities: identities, email: email)
    }

    /// Order Completed / Order Updated → order, with the canonical totals rule of docs/ingestion.md:
    /// merchandise is Σ products (price × quantity), else `subtotal`, else `revenue`; Σ products is taken as
    /// before discounts and `subtotal`/`revenue` as after (the spec's wording), unless only the other reading makes
    /// `total` add up; `total` when sent, else merchandise − discount + shipping + tax.
    func order(options: IngestOptions, completed: Bool) throws(IngestError) -> IngestOrder {
        let properties = JSONCursor(properties, path: FieldPath("properties"))
        let currency = try currency(properties)
        let products = try SegmentProduct.list(properties, currency: currency)
        let discount = try properties["discount"].optionalMinorUnits(currency) ?? 0
        let shipping = try properties["shipping"].optionalMinorUnits(currency) ?? 0
        let tax = try properties["tax"].optionalMinorUnits(currency) ?? 0
        let total = try properties["total"].optionalMinorUnits(currency)

        var merchandise: Int64?
        var netByDefault = true
        if products.contains(where: { $0.priceMinor != nil }) {
            merchandise = products.reduce(0) { $0 + $1.subtotalMinor }
            netByDefault = false
        } else if let subtotal = try properties["subtotal"].optionalMinorUnits(currency) {
            merchandise = subtotal
        } else if let revenue = try properties["revenue"].optionalMinorUnits(currency) {
            merchandise = revenue
        }

        let tolerance = options.totalsTolerance(lineCount: products.count)
        let subtotal: Int64
        switch (merchandise, total) {
        case (nil, nil):
            throw properties["total"].missing("an order needs total, revenue, subtotal or priced products")
        case (nil, let total?):
            subtotal = total - shipping - tax + discount
            guard subtotal >= 0 else {
                throw IngestError(
                    .totalsMismatch, field: properties["total"].field,
                    reason: "total is smaller than shipping + tax − discount")
            }
        case (let merchandise?, nil):
            subtotal = netByDefault ? merchandise + discount : merchandise
        case (let merchandise?, let total?):
            let gross = merchandise - discount + shipping + tax
            let net = merchandise + shipping + tax
            let readings: [(matches: Bool, subtotal: Int64)] = [
                (abs(gross - total) <= tolerance, merchandise), (abs(net - total) <= tolerance, merchandise + discount),
            ]
            let ordered = netByDefault ? readings.reversed() : readings
            if let reading = ordered.first(where: \.matches) {
                subtotal = reading.subtotal
            } else if options.enforceTotals {
                throw IngestError(
                    .totalsMismatch, field: properties["total"].field,
                    reason: "total does not equal merchandise + shipping + tax, with or without the discount")
            } else {
                subtotal = netByDefault ? merchandise + discount : merchandise
            }
        }
        var codes: [String] = []
        if let coupon = try properties["coupon"].optionalString() {
            codes = coupon.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let order = IngestOrder(
            source: .segment, externalID: try properties["order_id"].identifier(), customer: customerFromIdentities,
            email: email, placedAt: occurredAt, currency: currency, subtotalMinor: subtotal, discountMinor: discount,
            shippingMinor: shipping, taxMinor: tax, totalMinor: total ?? (subtotal - discount + shipping + tax),
            financialStatus: completed ? .paid : nil, discountCodes: codes, sourceUpdatedAt: occurredAt,
            lines: products.map(\.orderLine))
        return order
    }

    /// Order Refunded: `total` (else `revenue`, else `value`) is the amount; else Σ products (a partial refund by
    /// items); with neither, a full refund (`amountMinor == nil`). The refund id is `refund_id`, else the messageId.
    func refund() throws(IngestError) -> IngestRefund {
        let properties = JSONCursor(properties, path: FieldPath("properties"))
        let currency = try currency(properties)
        let products = try SegmentProduct.list(properties, currency: currency)
        var amount = try properties["total"].optionalMinorUnits(currency)
        if amount == nil { amount = try properties["revenue"].optionalMinorUnits(currency) }
        if amount == nil { amount = try properties["value"].optionalMinorUnits(currency) }
        if amount == nil, products.contains(where: { $0.priceMinor != nil }) {
            amount = products.reduce(0) { $0 + $1.subtotalMinor }
        }
        let lines = products.map {
            IngestRefundLine(
                position: $0.position, productExternalID: $0.productID, sku: $0.sku, quantity: $0.quantity,
                amountMinor: $0.subtotalMinor)
        }
        var externalID = try properties["refund_id"].optionalIdentifier()
        if externalID == nil { externalID = messageID }
        return IngestRefund(
            source: .segment, externalID: externalID ?? messageID,
            orderExternalID: try properties["order_id"].identifier(),
            createdAt: occurredAt, currency: currency, amountMinor: amount, lines: lines,
            reason: try properties["reason"].optionalString())
    }

    /// Checkout Started: keyed on `checkout_id`, else `cart_id`, else `order_id`; the value is `value`, else
    /// `total`, else `revenue`, else Σ products.
    func checkout() throws(IngestError) -> IngestCheckout {
        let properties = JSONCursor(properties, path: FieldPath("properties"))
        let currency = try currency(properties)
        let products = try SegmentProduct.list(properties, currency: currency)
        guard let token = try properties.first("checkout_id", "cart_id", "order_id").optionalIdentifier() else {
            throw properties["checkout_id"].missing("Checkout Started needs checkout_id, cart_id or order_id")
        }
        var value = try properties["value"].optionalMinorUnits(currency)
        if value == nil { value = try properties["total"].optionalMinorUnits(currency) }
        if value == nil { value = try properties["revenue"].optionalMinorUnits(currency) }
        return IngestCheckout(
            source: .segment, token: token, customer: customerFromIdentities, email: email, currency: currency,
            valueMinor: value ?? products.reduce(0) { $0 + $1.subtotalMinor },
            recoveryURL: try properties["recovery_url"].optionalString(), createdAt: occurredAt,
            updatedAt: occurredAt, lines: products.map(\.orderLine))
    }
}
