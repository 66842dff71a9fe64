import Foundation
import RegularsCore

extension WooCommercePayload {
    /// Maps a REST v3 customer: identities `woocommerce` (the user id) and `email`; the phone from `billing.phone`
    /// (kept only in international form); names from the top level, else from `billing`.
    public static func customer(_ json: JSONValue, options: IngestOptions) throws(IngestError) -> IngestCustomer {
        try customer(JSONCursor(json), options: options)
    }

    static func customer(_ root: JSONCursor, options: IngestOptions) throws(IngestError) -> IngestCustomer {
        try root.object()
        let id = try root["id"].identifier()
        let billing = root["billing"]
        try billing.optionalObject()
        var email = EmailAddress(try root["email"].optionalString() ?? "")
        if email == nil { email = EmailAddress(try billing["email"].optionalString() ?? "") }
        var identities = [IngestIdentity(.woocommerce, id)]
        if let email { identities.append(IngestIdentity(.email, email.value)) }
        var firstName = try root["first_name"].optionalString()
        if firstName == nil { firstName = try billing["first_name"].optionalString() }
        var lastName = try root["last_name"].optionalString()
        if lastName == nil { lastName = try billing["last_name"].optionalString() }
        let createdAt = try root["date_created_gmt"].optionalDate(options)
        var updatedAt = try root["date_modified_gmt"].optionalDate(options)
        if updatedAt == nil { updatedAt = createdAt }
        return IngestCustomer(
            identities: identities, email: email, phone: PhoneNumber(try billing["phone"].optionalString() ?? ""),
            firstName: firstName, lastName: lastName, address: try address(billing), sourceUpdatedAt: updatedAt)
    }
}
