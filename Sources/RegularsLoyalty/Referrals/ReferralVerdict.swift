/// What a rule does when it trips.
public enum ReferralVerdict: String, Hashable, Sendable, Codable, CaseIterable {
    case holdForReview = "hold_for_review"
    case reject
}
