import RegularsCore

/// Reads Shopify amounts consistently: `<key>_set.presentment_money.amount` when the payload uses money sets,
/// else the plain `<key>` string (which is in the shop currency).
struct ShopifyAmounts {
    let root: JSONCursor
    let usesSets: Bool
    let currency: CurrencyCode
    let shopCurrency: CurrencyCode

    /// The amount for `key` on the order (or on `object`), in ``currency``. `hasPlainField: false` for amounts
    /// that exist only as sets (`total_shipping_price_set`).
    func read(_ key: String, in object: JSONCursor? = nil, hasPlainField: Bool = true) throws(IngestError) -> Int64? {
        let base = object ?? root
        if usesSets, let value = try ShopifyPayload.setAmount(base[key + "_set"], shop: false, currency: currency) {
            return value
        }
        guard hasPlainField, !usesSets || currency == shopCurrency else { return nil }
        return try base[key].optionalMinorUnits(currency)
    }

    /// The shop-currency amount of `<key>_set`, when present.
    func readShop(_ key: String, in object: JSONCursor? = nil) throws(IngestError) -> Int64? {
        try ShopifyPayload.setAmount((object ?? root)[key + "_set"], shop: true, currency: shopCurrency)
    }
}
