import Foundation
import RegularsCore

extension ShopifyPayload {
    /// Maps a Shopify customer: identities `shopify` (the customer id) and `email`; consent from
    /// `email_marketing_consent` / `sms_marketing_consent` (or the legacy `accepts_marketing` when those are absent).
    public static func customer(_ json: JSONValue, options: IngestOptions) throws(IngestError) -> IngestCustomer {
        try customer(JSONCursor(json), options: options)
    }

    static func customer(
        _ object: JSONCursor, options: IngestOptions, requireUpdatedAt: Bool = true
    ) throws(IngestError) -> IngestCustomer {
        try object.object()
        let id = try resourceID(object)
        let email = EmailAddress(try object["email"].optionalString() ?? "")
        var identities = [IngestIdentity(.shopify, id)]
        if let email { identities.append(IngestIdentity(.email, email.value)) }
        let updatedAt =
            requireUpdatedAt ? try object["updated_at"].date(options) : try object["updated_at"].optionalDate(options)
        var consents: [IngestConsent] = []
        if try object["email_marketing_consent"].optionalObject() != nil {
            if let consent = try consent(object["email_marketing_consent"], .email, fallbackAt: updatedAt, options) {
                consents.append(consent)
            }
        } else if let accepts = try object["accepts_marketing"].optionalBool() {
            let at = try object["accepts_marketing_updated_at"].optionalDate(options) ?? updatedAt
            if let at {
                consents.append(
                    IngestConsent(
                        channel: .email, granted: accepts, at: at, source: .shopify,
                        sourceState: accepts ? "accepts_marketing" : "does_not_accept_marketing",
                        optInLevel: try object["marketing_opt_in_level"].optionalString()))
            }
        }
        if let consent = try consent(object["sms_marketing_consent"], .sms, fallbackAt: updatedAt, options) {
            consents.append(consent)
        }
        return IngestCustomer(
            identities: identities, email: email, phone: PhoneNumber(try object["phone"].optionalString() ?? ""),
            firstName: try object["first_name"].optionalString(), lastName: try object["last_name"].optionalString(),
            locale: try object["locale"].optionalString(), tags: try tags(object["tags"]), consents: consents,
            address: try address(object["default_address"]), sourceUpdatedAt: updatedAt)
    }

    /// One `*_marketing_consent` object. `subscribed` grants; `not_subscribed`, `unsubscribed`, `redacted` and
    /// `invalid` withdraw; `pending` (awaiting double opt-in), `null` and unknown states report nothing.
    /// `at` is `consent_updated_at`, else the customer's `updated_at`, else `options.now`.
    static func consent(
        _ object: JSONCursor, _ channel: ConsentChannel, fallbackAt: Date?, _ options: IngestOptions
    ) throws(IngestError) -> IngestConsent? {
        guard try object.optionalObject() != nil, let state = try object["state"].optionalString() else { return nil }
        let granted: Bool
        switch state.lowercased() {
        case "subscribed": granted = true
        case "not_subscribed", "unsubscribed", "redacted", "invalid": granted = false
        default: return nil
        }
        let at = try object["consent_updated_at"].optionalDate(options) ?? fallbackAt ?? options.now
        return IngestConsent(
            channel: channel, granted: granted, at: at, source: .shopify, sourceState: state.lowercased(),
            optInLevel: try object["opt_in_level"].optionalString(),
            collectedFrom: try object["consent_collected_from"].optionalString())
    }

    /// customers_marketing_consent/update (`id`, `phone`, `sms_marketing_consent`) and
    /// customers_email_marketing_consent/update (`customer_id`, `email_address`, `email_marketing_consent`).
    static func consentUpdate(_ root: JSONCursor, options: IngestOptions) throws(IngestError) -> IngestCustomer {
        let id = try root.first("customer_id", "id").identifier()
        var identities = [IngestIdentity(.shopify, id)]
        let email = EmailAddress(try root.firstString("email_address", "email") ?? "")
        if let email { identities.append(IngestIdentity(.email, email.value)) }
        var consents: [IngestConsent] = []
        if let consent = try consent(root["email_marketing_consent"], .email, fallbackAt: nil, options) {
            consents.append(consent)
        }
        if let consent = try consent(root["sms_marketing_consent"], .sms, fallbackAt: nil, options) {
            consents.append(consent)
        }
        return IngestCustomer(
            identities: identities, email: email, phone: PhoneNumber(try root["phone"].optionalString() ?? ""),
            consents: consents)
    }
}
