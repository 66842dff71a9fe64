import RegularsCore

extension ShopifyPayload {
    /// The mandatory privacy webhooks: `shop_id`, `shop_domain`, and for customer requests `customer{id,email,phone}`
    /// with `orders_to_redact` / `orders_requested` and `data_request.id`.
    static func privacyRequest(
        _ root: JSONCursor, kind: IngestPrivacyRequestKind
    ) throws(IngestError) -> IngestPrivacyRequest {
        let customer = root["customer"]
        var orders: [String] = []
        let key = kind == .customerDataRequest ? "orders_requested" : "orders_to_redact"
        for order in try root[key].elements() { orders.append(try order.identifier()) }
        var request = IngestPrivacyRequest(
            kind: kind, shopID: try root["shop_id"].optionalIdentifier(),
            shopDomain: try root["shop_domain"].optionalString(), orderExternalIDs: orders,
            dataRequestID: try root["data_request"]["id"].optionalIdentifier())
        if kind != .redactShop {
            try customer.object()
            request.customerExternalID = try customer["id"].optionalIdentifier()
            request.email = EmailAddress(try customer["email"].optionalString() ?? "")
            request.phone = try customer["phone"].optionalString()
            if request.customerExternalID == nil, request.email == nil, request.phone == nil {
                throw customer["id"].missing("a customer request must name the customer by id, email or phone")
            }
        }
        return request
    }
}
