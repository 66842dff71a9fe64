/// What makes an external trigger unique, so that a retried webhook, job or API call appends nothing new.
///
/// Every ledger entry carries the key of the operation that appended it; one operation may append several entries
/// (a refund that reverses an order's points and its first-order bonus), all with the same key and contiguous in the
/// ledger. A key that is already in the ledger means the operation happened: planners then return the recorded
/// entries instead of new ones.
public struct IdempotencyKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func < (lhs: IdempotencyKey, rhs: IdempotencyKey) -> Bool { lhs.value < rhs.value }

    public var description: String { value }

    /// Points earned by an order under one earning rule: `order:<id>:<rule>` (the order rule is "points").
    public static func order(_ orderID: String, rule: String = "points") -> IdempotencyKey {
        IdempotencyKey("order:\(orderID):\(rule)")
    }

    /// One refund of the shop's platform: `refund:<id>`.
    public static func refund(_ refundID: String) -> IdempotencyKey { IdempotencyKey("refund:\(refundID)") }

    /// The cancellation of an order: `cancel:<order id>`.
    public static func cancellation(ofOrder orderID: String) -> IdempotencyKey {
        IdempotencyKey("cancel:\(orderID)")
    }

    /// A call to the API with an `Idempotency-Key` header: `api:<header value>`.
    public static func api(_ headerValue: String) -> IdempotencyKey { IdempotencyKey("api:\(headerValue)") }

    /// The birthday reward of a year: `birthday:YYYY`.
    public static func birthday(year: Int) -> IdempotencyKey { IdempotencyKey("birthday:\(year)") }

    /// A manual adjustment made in the admin (the admin form's token): `adjust:<token>`.
    public static func adjustment(_ token: String) -> IdempotencyKey { IdempotencyKey("adjust:\(token)") }

    /// Pending points of entry `sequence` becoming available: `release:<sequence>`.
    public static func release(ofEntry sequence: Int64) -> IdempotencyKey { IdempotencyKey("release:\(sequence)") }

    /// What is left of lot `lot` expiring: `expire:<lot>`.
    public static func expiry(ofLot lot: Int64) -> IdempotencyKey { IdempotencyKey("expire:\(lot)") }

    /// The advocate's reward for referring `friendCustomerID`: `referral:advocate:<friend>`.
    public static func referralAdvocate(friend friendCustomerID: String) -> IdempotencyKey {
        IdempotencyKey("referral:advocate:\(friendCustomerID)")
    }

    /// The referred friend's welcome reward, once per friend whoever referred them: `referral:friend`.
    public static let referralFriend = IdempotencyKey("referral:friend")
}
