import Foundation

/// A Segment `alias` call: the identity `previousID` (an anonymous id or old user id) belongs to `userID`.
public struct IngestAlias: Sendable, Equatable, Hashable, Codable {
    public var previousID: String
    public var userID: String
    public var occurredAt: Date

    public init(previousID: String, userID: String, occurredAt: Date) {
        self.previousID = previousID
        self.userID = userID
        self.occurredAt = occurredAt
    }
}
