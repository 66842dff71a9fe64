import Foundation
import RegularsCore

/// Field conventions shared by Shopify resources.
extension ShopifyPayload {
    /// The resource's id: the number at the end of `admin_graphql_api_id` (`gid://shopify/Order/820982911946154508`)
    /// when present, else `id`. Shopify's documented samples carry `id`s rounded by a JavaScript round trip, while
    /// the GraphQL id stays exact; in live payloads both are the same 64-bit integer.
    static func resourceID(_ object: JSONCursor) throws(IngestError) -> String {
        if let gid = try object["admin_graphql_api_id"].optionalString(), let tail = gidNumber(gid) {
            return tail
        }
        return try object["id"].identifier()
    }

    static func optionalResourceID(_ object: JSONCursor) throws(IngestError) -> String? {
        if object.isMissing { return nil }
        if let gid = try object["admin_graphql_api_id"].optionalString(), let tail = gidNumber(gid) {
            return tail
        }
        return try object["id"].optionalIdentifier()
    }

    static func gidNumber(_ gid: String) -> String? {
        guard gid.hasPrefix("gid://shopify/"), let slash = gid.lastIndex(of: "/") else { return nil }
        var tail = gid[gid.index(after: slash)...]
        if let query = tail.firstIndex(of: "?") { tail = tail[..<query] }
        guard !tail.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }), Int64(tail) != nil else { return nil }
        return String(tail)
    }

    /// An amount from a `*_set` object's `presentment_money` (or `shop_money` when `shop` is set), checking its
    /// `currency_code`; `nil` when the set is absent.
    static func setAmount(_ set: JSONCursor, shop: Bool, currency: CurrencyCode) throws(IngestError) -> Int64? {
        guard try set.optionalObject() != nil else { return nil }
        let money = set[shop ? "shop_money" : "presentment_money"]
        guard try money.optionalObject() != nil else { return nil }
        if let code = try money["currency_code"].optionalString(), code.uppercased() != currency.code {
            throw money["currency_code"].invalid(
                "expected \(currency.code) (the \(shop ? "shop" : "presentment") currency), found \(code)")
        }
        return try money["amount"].optionalMinorUnits(currency)
    }

    /// A list of strings from Shopify's comma-separated `tags` (or an array of strings).
    static func tags(_ cursor: JSONCursor) throws(IngestError) -> [String] {
        guard let value = try cursor.optional() else { return [] }
        switch value {
        case .string(let text):
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .array:
            var result: [String] = []
            for element in try cursor.elements() {
                if let tag = try element.optionalString() { result.append(tag) }
            }
            return result
        default:
            throw cursor.typeError(expected: "a comma-separated string", value)
        }
    }

    static func address(_ cursor: JSONCursor) throws(IngestError) -> IngestAddress? {
        guard try cursor.optionalObject() != nil else { return nil }
        var name = try cursor["name"].optionalString()
        if name == nil {
            let joined = PersonName.display(
                first: try cursor["first_name"].optionalString(), last: try cursor["last_name"].optionalString())
            name = joined.isEmpty ? nil : joined
        }
        var country = try cursor["country_code"].optionalString()?.uppercased()
        if country == nil { country = try cursor["country"].optionalString() }
        let address = IngestAddress(
            name: name, line1: try cursor["address1"].optionalString(), line2: try cursor["address2"].optionalString(),
            city: try cursor["city"].optionalString(), region: try cursor.firstString("province_code", "province"),
            postalCode: try cursor["zip"].optionalString(), countryCode: country,
            phone: try cursor["phone"].optionalString())
        return address.isEmpty ? nil : address
    }
}
