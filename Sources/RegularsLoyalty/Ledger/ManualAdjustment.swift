import Foundation

/// A manual change of a shopper's points by an admin.
public struct ManualAdjustment: Hashable, Sendable {
    /// The admin form's key, e.g. `.adjustment(<form token>)` or `.api(<Idempotency-Key>)`.
    public var key: IdempotencyKey
    /// Positive to add, negative to remove; never zero.
    public var points: Int64
    /// Who made it (admin account), required.
    public var actor: String
    /// Why, required; shown in the shopper's history.
    public var reason: String
    public var at: Date
    public var fingerprint: RequestFingerprint?

    public init(
        key: IdempotencyKey, points: Int64, actor: String, reason: String, at: Date,
        fingerprint: RequestFingerprint? = nil
    ) {
        self.key = key
        self.points = points
        self.actor = actor
        self.reason = reason
        self.at = at
        self.fingerprint = fingerprint
    }
}
