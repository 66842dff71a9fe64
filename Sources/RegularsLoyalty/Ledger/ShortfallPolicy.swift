/// What happens when a refund must take back points that were already spent (merchant setting).
public enum ShortfallPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// The missing points are charged to the balance: first any other points the shopper holds (oldest-expiring
    /// first), then the balance goes below zero. Nothing can be redeemed until later earnings bring it back up.
    case negativeBalance
    /// The shopper's other points are left alone and the balance never goes below zero; the missing points are
    /// recorded as a debt that is withheld from future earnings until it is repaid.
    case debtFromFutureEarnings
}
