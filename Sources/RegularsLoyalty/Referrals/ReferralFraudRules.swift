import Foundation
import RegularsCore

/// The checks a referral must pass before anyone is rewarded.
///
/// - The friend is not the advocate: not the same customer, not the same normalised email (`IdentityNormalizer`),
///   not the same phone number → `emailOrPhoneMatch` (reject by default); not the same normalised shipping address
///   → `addressMatch` (hold for review by default: households and offices share addresses).
/// - The friend is a new customer: no order before the referral → otherwise rejected.
/// - The advocate stays under the cap of accepted referrals per period → otherwise `cap.verdict`.
///
/// Any reject wins over any hold; every reason that tripped is returned.
public struct ReferralFraudRules: Hashable, Sendable, Codable {
    public var emailOrPhoneMatch: ReferralVerdict
    public var addressMatch: ReferralVerdict
    public var cap: ReferralCap?
    public var timeZone: LoyaltyTimeZone

    public init(
        emailOrPhoneMatch: ReferralVerdict = .reject, addressMatch: ReferralVerdict = .holdForReview,
        cap: ReferralCap? = nil, timeZone: LoyaltyTimeZone = .utc
    ) {
        self.emailOrPhoneMatch = emailOrPhoneMatch
        self.addressMatch = addressMatch
        self.cap = cap
        self.timeZone = timeZone
    }

    public func screen(_ candidate: ReferralCandidate) -> ReferralScreening {
        var rejected: [ReferralReason] = []
        var held: [ReferralReason] = []
        func trip(_ reason: ReferralReason, _ verdict: ReferralVerdict) {
            if verdict == .reject { rejected.append(reason) } else { held.append(reason) }
        }
        let advocate = candidate.advocate
        let friend = candidate.friend
        if advocate.customerID == friend.customerID { rejected.append(.sameCustomer) }
        if Self.same(advocate.email, friend.email, by: IdentityNormalizer.email) {
            trip(.sameEmail, emailOrPhoneMatch)
        }
        if Self.same(advocate.phone, friend.phone, by: IdentityNormalizer.phone) {
            trip(.samePhone, emailOrPhoneMatch)
        }
        if let mine = advocate.shippingAddress.flatMap(IdentityNormalizer.address),
            let theirs = friend.shippingAddress.flatMap(IdentityNormalizer.address), mine == theirs
        {
            trip(.sameShippingAddress, addressMatch)
        }
        if candidate.friendPriorOrders > 0 { rejected.append(.friendNotNew(priorOrders: candidate.friendPriorOrders)) }
        if let cap {
            let period = self.period(of: candidate.at, cap.period)
            let count = candidate.advocateAcceptedReferrals.filter { self.period(of: $0, cap.period) == period }.count
            if count >= cap.maximum { trip(.advocateCapReached(limit: cap.maximum), cap.verdict) }
        }
        if !rejected.isEmpty { return .reject(rejected + held) }
        if !held.isEmpty { return .holdForReview(held) }
        return .allow
    }

    private func period(of instant: Date, _ period: ReferralCapPeriod) -> YearMonth {
        let month = YearMonth(instant, in: timeZone.timeZone)
        return period == .calendarMonth ? month : YearMonth(year: month.year, month: 1)
    }

    private static func same(_ left: String?, _ right: String?, by normalise: (String) -> String?) -> Bool {
        guard let left = left.flatMap(normalise), let right = right.flatMap(normalise) else { return false }
        return left == right
    }
}
