import RegularsCore

/// Why a referral earns no reward. Nothing is appended.
public enum ReferralRefusal: Error, Hashable, Sendable {
    /// The screening did not allow it (held referrals are planned again once a person approves them).
    case notAllowed(ReferralScreening)
    /// The friend's order is worth less than the programme's minimum.
    case orderBelowMinimum(minimum: Money, order: Money)
    /// The merchant has no `referral` action rule or no friend reward.
    case notConfigured
}
