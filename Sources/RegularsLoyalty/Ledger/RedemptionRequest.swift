import Foundation

/// A request to spend points.
public struct RedemptionRequest: Hashable, Sendable {
    public var points: Int64
    public var at: Date
    /// The trigger's key, e.g. `.api(<Idempotency-Key header>)` or `redeem:<checkout id>`.
    public var key: IdempotencyKey
    /// The request's fingerprint, when it came through the API.
    public var fingerprint: RequestFingerprint?
    /// What the points buy, for the shopper's history.
    public var reward: String?

    public init(
        points: Int64, at: Date, key: IdempotencyKey, fingerprint: RequestFingerprint? = nil, reward: String? = nil
    ) {
        self.points = points
        self.at = at
        self.key = key
        self.fingerprint = fingerprint
        self.reward = reward
    }
}
