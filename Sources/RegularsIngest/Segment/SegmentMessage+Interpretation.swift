import Foundation
import RegularsCore

extension SegmentMessage {
    /// The canonical event name (track), or the page/screen name.
    public var canonicalName: String? {
        switch type {
        case .track: event.map(SegmentEventName.canonical)
        case .page, .screen: name
        case .identify, .alias, .group: nil
        }
    }

    /// An email from `context.traits`/`traits`, else `properties.email`, normalised; `nil` when none is valid.
    public var email: EmailAddress? {
        if let text = traits["email"]?.stringValue, let email = EmailAddress(text) { return email }
        if let text = properties["email"]?.stringValue, let email = EmailAddress(text) { return email }
        return nil
    }

    /// Identities carried by every call: `segment_user_id` (userId), `anonymous_id` and `email`.
    public var identities: [IngestIdentity] {
        var result: [IngestIdentity] = []
        if let userID { result.append(IngestIdentity(.segmentUserID, userID)) }
        if let anonymousID { result.append(IngestIdentity(.anonymousID, anonymousID)) }
        if let email { result.append(IngestIdentity(.email, email.value)) }
        return result
    }

    /// The event to record: properties (track/page/screen) or traits (identify/group) as exact JSON.
    public var ingestEvent: IngestEvent {
        let canonical = canonicalName
        let payload: JSONValue
        switch type {
        case .track, .page, .screen: payload = properties
        case .identify, .group: payload = traits
        case .alias: payload = .object(["previousId": .string(previousID ?? "")])
        }
        return IngestEvent(
            source: .segment, messageID: messageID, type: type, name: canonical,
            originalName: type == .track && canonical != event ? event : nil, userID: userID,
            anonymousID: anonymousID, email: email, propertiesJSON: payload.jsonText, contextJSON: context?.jsonText,
            occurredAt: occurredAt, receivedAt: receivedAt, sentAt: sentAt, originalTimestamp: originalTimestamp)
    }

    /// Maps the call to the event and its effect: identify → customer, alias → alias, and the e-commerce v2
    /// events Order Completed / Updated / Cancelled / Refunded and Checkout Started (v1 aliases included).
    public func interpret(options: IngestOptions) throws(IngestError) -> SegmentInterpretation {
        let effect: SegmentEffect
        switch type {
        case .identify:
            effect = .customer(try identifiedCustomer())
        case .alias:
            effect = .alias(IngestAlias(previousID: previousID ?? "", userID: userID ?? "", occurredAt: occurredAt))
        case .track:
            effect = try commerceEffect(options: options)
        case .page, .screen, .group:
            effect = .none
        }
        return SegmentInterpretation(event: ingestEvent, effect: effect)
    }

    /// identify traits → customer. Unparseable contact traits (email, phone, birthday) are dropped, not rejected:
    /// the SDKs never retry a 4xx, so rejecting would lose the whole call.
    func identifiedCustomer() throws(IngestError) -> IngestCustomer {
        let traits = JSONCursor(self.traits, path: FieldPath("traits"))
        var first = try traits.firstString("firstName", "first_name")
        var last = try traits.firstString("lastName", "last_name")
        if first == nil, last == nil, let name = try traits["name"].optionalString() {
            (first, last) = Self.splitName(name)
        }
        var birthday: Birthday?
        if let text = try? traits["birthday"].optionalString() {
            birthday = Birthday(parsing: String(text.prefix(10)))
        }
        var phone: PhoneNumber?
        if let text = try? traits["phone"].optionalString() { phone = PhoneNumber(text) }
        let contextCursor = JSONCursor(context, path: FieldPath("context"))
        var timeZone: String?
        if let zone = try? contextCursor["timezone"].optionalString(), StoreTimeZone.named(zone) != nil {
            timeZone = zone
        }
        return IngestCustomer(
            identities: identities, email: email, phone: phone, firstName: first, lastName: last,
            birthday: birthday, locale: try? contextCursor["locale"].optionalString(), timeZoneIdentifier: timeZone,
            address: try Self.address(traits["address"]), sourceUpdatedAt: occurredAt)
    }

    /// "Ada Lovelace" → ("Ada", "Lovelace"); "Mary Ann Smith" → ("Mary Ann", "Smith"); a single word is a first name.
    static func splitName(_ name: String) -> (String?, String?) {
        let words = name.split(separator: " ").map(String.init)
        guard words.count > 1 else { return (words.first, nil) }
        return (words.dropLast().joined(separator: " "), words.last)
    }

    /// Segment's address trait: `street`, `city`, `state`, `postalCode`, `country`.
    static func address(_ cursor: JSONCursor) throws(IngestError) -> IngestAddress? {
        guard (try? cursor.optionalObject()) != nil else { return nil }
        let address = IngestAddress(
            line1: try? cursor["street"].optionalString(), city: try? cursor["city"].optionalString(),
            region: try? cursor["state"].optionalString(),
            postalCode: try? cursor.firstString("postalCode", "postal_code"),
            countryCode: try? cursor["country"].optionalString())
        return address.isEmpty ? nil : address
    }
}
