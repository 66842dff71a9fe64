import Foundation
import RegularsCore

extension ShopifyPayload {
    /// Maps a refunds/create body. The authoritative amount is the sum of its `transactions` of kind `refund`
    /// whose status is `success` or `pending` (money actually returned; Shopify sends no second webhook when a
    /// pending refund settles); a refund without such transactions moved no money and has amount 0. The lines
    /// (`refund_line_items`, subtotal + tax each) say what was returned and need not add up to the amount
    /// (shipping refunds, restocking fees and order adjustments are outside them).
    public static func refund(
        _ json: JSONValue, options: IngestOptions, orderCurrency: CurrencyCode? = nil
    ) throws(IngestError) -> IngestRefund {
        try refund(JSONCursor(json), options: options, orderCurrency: orderCurrency)
    }

    static func refund(
        _ root: JSONCursor, options: IngestOptions, orderCurrency: CurrencyCode?
    ) throws(IngestError) -> IngestRefund {
        try root.object()
        let currency = try refundCurrency(root, orderCurrency: orderCurrency)
        var amount: Int64 = 0
        var baseAmount: Int64? = 0
        var baseCurrency: CurrencyCode?
        for transaction in try root["transactions"].elements() {
            try transaction.object()
            guard try transaction["kind"].optionalString()?.lowercased() == "refund",
                let status = try transaction["status"].optionalString()?.lowercased(),
                status == "success" || status == "pending"
            else { continue }
            if let code = try transaction["currency"].optionalCurrency(), code != currency {
                throw transaction["currency"].invalid("refund transactions in \(code.code) and \(currency.code)")
            }
            amount += try transaction["amount"].minorUnits(currency)
            let shop = transaction["amount_set"]["shop_money"]
            if let code = try shop["currency_code"].optionalCurrency(), baseCurrency == nil || baseCurrency == code,
                let value = try shop["amount"].optionalMinorUnits(code)
            {
                baseCurrency = code
                baseAmount = baseAmount.map { $0 + value }
            } else {
                baseAmount = nil
            }
        }
        var lines: [IngestRefundLine] = []
        for item in try root["refund_line_items"].elements() {
            try item.object()
            let subtotal = try lineAmount(item, "subtotal", currency)
            let tax = try lineAmount(item, "total_tax", currency)
            let lineItem = item["line_item"]
            var lineID = try optionalResourceID(lineItem)
            if lineID == nil { lineID = try item["line_item_id"].optionalIdentifier() }
            lines.append(
                IngestRefundLine(
                    lineExternalID: lineID, productExternalID: try lineItem["product_id"].optionalIdentifier(),
                    sku: try lineItem["sku"].optionalString(), quantity: try item["quantity"].quantity(),
                    amountMinor: subtotal + tax))
        }
        let createdAt = try root["created_at"].date(options)
        return IngestRefund(
            source: .shopify, externalID: try resourceID(root), orderExternalID: try root["order_id"].identifier(),
            createdAt: try root["processed_at"].optionalDate(options) ?? createdAt, currency: currency,
            amountMinor: amount, baseAmountMinor: baseCurrency == nil ? nil : baseAmount, lines: lines,
            reason: try root["note"].optionalString())
    }

    /// A refund line amount from `<key>_set.presentment_money` or the plain `<key>` (a JSON number in Shopify's
    /// samples, converted from its literal text).
    static func lineAmount(_ item: JSONCursor, _ key: String, _ currency: CurrencyCode) throws(IngestError) -> Int64 {
        if let value = try setAmount(item[key + "_set"], shop: false, currency: currency) { return value }
        return try item[key].optionalMinorUnits(currency) ?? 0
    }

    /// The first currency named by a refund transaction, a line's presentment money or the duties set; then the
    /// caller's `orderCurrency`.
    static func refundCurrency(_ root: JSONCursor, orderCurrency: CurrencyCode?) throws(IngestError) -> CurrencyCode {
        for transaction in try root["transactions"].elements() {
            if let code = try transaction["currency"].optionalCurrency() { return code }
        }
        for item in try root["refund_line_items"].elements() {
            if let code = try item["subtotal_set"]["presentment_money"]["currency_code"].optionalCurrency() {
                return code
            }
        }
        if let code = try root["total_duties_set"]["presentment_money"]["currency_code"].optionalCurrency() {
            return code
        }
        if let orderCurrency { return orderCurrency }
        throw IngestError(
            .missingField, field: "transactions[0].currency",
            reason: "the refund names no currency; pass the order's currency")
    }
}
