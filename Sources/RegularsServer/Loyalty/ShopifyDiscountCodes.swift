import Foundation
import RegularsCore
import RegularsIngest
import Vapor

/// Creates single-use discount codes in a Shopify store through the Admin GraphQL API: `discountCodeBasicCreate`
/// for amount off, percent off and a free product, `discountCodeFreeShippingCreate` for free shipping.
struct ShopifyDiscountCodes: Sendable {
    let client: any Client
    let shop: String
    let accessToken: String

    static let apiVersion = "2025-01"

    func create(code: String, reward: LoyaltyReward) async throws {
        let body = try JSONSerialization.data(withJSONObject: Self.request(code: code, reward: reward, at: .now))
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "X-Shopify-Access-Token", value: accessToken)
        let response = try await client.post(
            URI(string: "https://\(shop)/admin/api/\(Self.apiVersion)/graphql.json"), headers: headers
        ) { request in
            request.body = ByteBuffer(data: body)
            request.timeout = .seconds(10)
        }
        guard (200..<300).contains(response.status.code), let buffer = response.body else {
            throw DiscountCodeDelivery.Failure(description: "Shopify answered \(response.status.code)")
        }
        let answer = try JSONValue.parse(data: Data(buffer: buffer))
        let payload = answer["data"]?["discountCodeBasicCreate"] ?? answer["data"]?["discountCodeFreeShippingCreate"]
        guard let payload else {
            throw DiscountCodeDelivery.Failure(description: "Shopify answered without the mutation's result")
        }
        if case .array(let errors) = payload["userErrors"], !errors.isEmpty {
            let messages = errors.compactMap { $0["message"]?.stringValue }
            throw DiscountCodeDelivery.Failure(
                description: "Shopify refused the code: \(messages.joined(separator: "; "))")
        }
    }

    /// The GraphQL request body: the mutation for the reward's kind and its variables. Amounts are decimal strings
    /// (Shopify's `Decimal`), the percentage an exact decimal fraction of 1.
    static func request(code: String, reward: LoyaltyReward, at now: Instant) -> [String: Any] {
        var discount: [String: Any] = [
            "title": "\(reward.name) (\(code))", "code": code, "startsAt": now.iso8601,
            "customerSelection": ["all": true], "usageLimit": 1, "appliesOncePerCustomer": true,
        ]
        if let minimum = reward.minimumOrder, minimum.minorUnits > 0 {
            discount["minimumRequirement"] = ["subtotal": ["greaterThanOrEqualToSubtotal": minimum.amount]]
        }
        let mutation: String
        if reward.kind == "free_shipping" {
            discount["destination"] = ["all": true]
            mutation = """
                mutation create($discount: DiscountCodeFreeShippingInput!) {
                  discountCodeFreeShippingCreate(freeShippingCodeDiscount: $discount) { userErrors { field message } }
                }
                """
        } else {
            var items: [String: Any] = ["all": true]
            let value: [String: Any]
            switch reward.kind {
            case "amount_off":
                value = ["discountAmount": ["amount": reward.value?.amount ?? "0", "appliesOnEachItem": false]]
            case "percent_off":
                value = ["percentage": fraction(basisPoints: reward.percentBasisPoints ?? 0)]
            default:
                value = ["percentage": Decimal(1)]
                items = ["products": ["productsToAdd": ["gid://shopify/Product/\(reward.productId ?? "")"]]]
            }
            discount["customerGets"] = ["value": value, "items": items]
            mutation = """
                mutation create($discount: DiscountCodeBasicInput!) {
                  discountCodeBasicCreate(basicCodeDiscount: $discount) { userErrors { field message } }
                }
                """
        }
        return ["query": mutation, "variables": ["discount": discount]]
    }

    /// 1250 basis points → 0.125, exactly.
    static func fraction(basisPoints: Int) -> Decimal {
        Decimal(basisPoints) / Decimal(10_000)
    }
}
