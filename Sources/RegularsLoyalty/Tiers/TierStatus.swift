import Foundation

/// A customer's tier as recorded, with what the evaluator needs to continue from it.
public struct TierStatus: Hashable, Sendable, Codable {
    public var tierID: String
    /// When the customer entered this tier.
    public var since: Date
    /// When the tier is next reviewed (period end); `nil` for the base tier, which is never reviewed.
    public var nextReviewAt: Date?
    /// The instant this status was evaluated at; the next evaluation continues from there.
    public var evaluatedAt: Date

    public init(tierID: String, since: Date, nextReviewAt: Date?, evaluatedAt: Date) {
        self.tierID = tierID
        self.since = since
        self.nextReviewAt = nextReviewAt
        self.evaluatedAt = evaluatedAt
    }
}
