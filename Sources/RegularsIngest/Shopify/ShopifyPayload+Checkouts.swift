import Foundation
import RegularsCore

extension ShopifyPayload {
    /// Maps an abandoned-checkout body (checkouts/create|update). Checkouts are keyed on `token` (their `id` may be
    /// `null`); amounts are in `presentment_currency` (else `currency`); the value is `total_price`.
    public static func checkout(_ json: JSONValue, options: IngestOptions) throws(IngestError) -> IngestCheckout {
        try checkout(JSONCursor(json), options: options)
    }

    static func checkout(_ root: JSONCursor, options: IngestOptions) throws(IngestError) -> IngestCheckout {
        try root.object()
        var currency = try root["presentment_currency"].optionalCurrency()
        if currency == nil { currency = try root["currency"].currency() }
        guard let currency else { throw root["currency"].missing() }
        var customer: IngestCustomer?
        if try root["customer"].optionalObject() != nil {
            customer = try self.customer(root["customer"], options: options, requireUpdatedAt: false)
        }
        var email = EmailAddress(try root["email"].optionalString() ?? "")
        if email == nil { email = customer?.email }
        var lines: [IngestOrderLine] = []
        for line in try root["line_items"].elements() {
            try line.object()
            guard let title = try line.firstString("title", "presentment_title", "name") else {
                throw line["title"].missing()
            }
            lines.append(
                IngestOrderLine(
                    externalID: try line["key"].optionalString(),
                    productExternalID: try line["product_id"].optionalIdentifier(),
                    variantExternalID: try line["variant_id"].optionalIdentifier(),
                    sku: try line["sku"].optionalString(), title: title, quantity: try line["quantity"].quantity(),
                    unitPriceMinor: try line["price"].minorUnits(currency)))
        }
        let createdAt = try root["created_at"].date(options)
        return IngestCheckout(
            source: .shopify, token: try root["token"].identifier(), customer: customer, email: email,
            currency: currency, valueMinor: try root["total_price"].minorUnits(currency),
            recoveryURL: try root["abandoned_checkout_url"].optionalString(), createdAt: createdAt,
            updatedAt: try root["updated_at"].optionalDate(options) ?? createdAt,
            completedAt: try root["completed_at"].optionalDate(options), lines: lines)
    }
}
