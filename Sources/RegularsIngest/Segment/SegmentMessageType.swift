/// The call types of the Segment/RudderStack tracking API.
public enum SegmentMessageType: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case track
    case identify
    case page
    case screen
    case alias
    case group

    /// The analytics.js short endpoint path (`/v1/t`, `/v1/i`…) → type; `nil` for others (`/v1/batch`).
    public init?(shortPath: String) {
        let last = shortPath.split(separator: "/").last.map(String.init) ?? shortPath
        switch last {
        case "t", "track": self = .track
        case "i", "identify": self = .identify
        case "p", "page": self = .page
        case "s", "screen": self = .screen
        case "a", "alias": self = .alias
        case "g", "group": self = .group
        default: return nil
        }
    }
}
