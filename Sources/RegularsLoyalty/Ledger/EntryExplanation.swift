import Foundation
import RegularsCore

/// Why an entry exists, in structured form: the server localises it, `LedgerEntry.historyText(in:)` renders English.
public enum EntryExplanation: Hashable, Sendable, Codable {
    /// Points for an order (pending while its return window is open).
    case orderPoints(orderID: String)
    /// Points for an action such as a product review or a newsletter sign-up.
    case action(LoyaltyAction, subject: String?)
    /// The yearly birthday reward.
    case birthday(year: Int)
    /// The advocate's reward for a friend's first order.
    case referralAdvocate(friendCustomerID: String)
    /// The referred friend's welcome reward.
    case referralFriend(advocateCustomerID: String)
    /// Pending points (of the entry this one refers to) that became available.
    case released
    /// Points spent on a reward.
    case redemption(reward: String?)
    /// The rest of a lot reaching its expiry instant.
    case expiry(earnedAt: Date, expiredAt: Date)
    /// Points taken back (or cancelled while pending) because of a refund or cancellation of an order.
    case refund(orderID: String, refundID: String?, refunded: Money, orderValue: Money, isCancellation: Bool)
    /// A manual adjustment; the entry carries the admin and the reason.
    case manualAdjustment
}
