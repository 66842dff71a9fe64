/// Something a shopper does that a merchant may reward with points.
public enum LoyaltyAction: String, Hashable, Sendable, Codable, CaseIterable {
    case accountCreated = "account_created"
    case firstOrder = "first_order"
    /// Once a year, on the shopper's local birthday (Feb 29 → Feb 28 in common years).
    case birthday
    case productReview = "product_review"
    case npsAnswered = "nps_answered"
    case newsletterSignup = "newsletter_signup"
    case socialFollow = "social_follow"
    /// The advocate's reward for a referred friend's first order (once per friend).
    case referral
}
