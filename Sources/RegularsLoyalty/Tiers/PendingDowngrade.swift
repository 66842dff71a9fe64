import Foundation

/// A downgrade that will happen at the end of the grace period unless the customer requalifies before.
public struct PendingDowngrade: Hashable, Sendable, Codable {
    /// When it takes effect.
    public var at: Date
    /// The tier the customer would drop to, as things stand.
    public var to: String
    /// The period end that triggered the review.
    public var reviewedAt: Date
}
