/// Why a referral is held or rejected.
public enum ReferralReason: Hashable, Sendable, Codable, CustomStringConvertible {
    case sameCustomer
    case sameEmail
    case samePhone
    case sameShippingAddress
    case friendNotNew(priorOrders: Int)
    case advocateCapReached(limit: Int)

    public var description: String {
        switch self {
        case .sameCustomer: "the friend is the advocate's own account"
        case .sameEmail: "the friend's email is the advocate's (after normalising)"
        case .samePhone: "the friend's phone number is the advocate's"
        case .sameShippingAddress: "the friend ships to the advocate's address"
        case .friendNotNew(let orders): "the friend had already placed \(orders) order(s)"
        case .advocateCapReached(let limit): "the advocate reached \(limit) referrals this period"
        }
    }
}
