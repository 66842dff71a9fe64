import RegularsCore

/// One entry of `properties.products[]` (or the product fields at the top level of a product event).
struct SegmentProduct {
    var productID: String?
    var sku: String?
    var name: String?
    /// Unit price in minor units, when sent.
    var priceMinor: Int64?
    var quantity: Int64
    var position: Int

    static func list(_ properties: JSONCursor, currency: CurrencyCode) throws(IngestError) -> [SegmentProduct] {
        var result: [SegmentProduct] = []
        for (position, product) in try properties["products"].elements().enumerated() {
            try product.object()
            let quantity = try product["quantity"].optionalInt64() ?? 1
            guard quantity >= 0 else {
                throw IngestError(
                    .negativeValue, field: product["quantity"].field, reason: "quantity \(quantity) is negative")
            }
            result.append(
                SegmentProduct(
                    productID: try product.first("product_id", "productId", "id").optionalIdentifier(),
                    sku: try product["sku"].optionalIdentifier(), name: try product["name"].optionalString(),
                    priceMinor: try product["price"].optionalMinorUnits(currency), quantity: quantity,
                    position: position))
        }
        return result
    }

    var subtotalMinor: Int64 { (priceMinor ?? 0) * quantity }

    var orderLine: IngestOrderLine {
        IngestOrderLine(
            productExternalID: productID, sku: sku, title: name ?? sku ?? productID ?? "Product", quantity: quantity,
            unitPriceMinor: priceMinor ?? 0)
    }
}
