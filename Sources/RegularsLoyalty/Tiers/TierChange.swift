import Foundation

/// A tier change to record on the customer's timeline.
public struct TierChange: Hashable, Sendable, Codable {
    public enum Direction: String, Hashable, Sendable, Codable {
        case upgrade
        case downgrade
    }

    public var at: Date
    public var from: String
    public var to: String
    public var direction: Direction
    /// The qualifying value that decided it (for a downgrade: the larger of the ended period's and the current one).
    public var qualifyingValue: Int64

    public init(at: Date, from: String, to: String, direction: Direction, qualifyingValue: Int64) {
        self.at = at
        self.from = from
        self.to = to
        self.direction = direction
        self.qualifyingValue = qualifyingValue
    }
}
