import Foundation
import RegularsCore

/// An IANA time zone in configuration: encoded as its identifier, refusing names that are not real zones.
public struct LoyaltyTimeZone: Hashable, Sendable, Codable, CustomStringConvertible {
    public let identifier: String
    public let timeZone: TimeZone

    /// `nil` when `identifier` is not a known IANA zone (see `StoreTimeZone.named`).
    public init?(_ identifier: String) {
        guard let zone = StoreTimeZone.named(identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = zone
    }

    public static let utc = LoyaltyTimeZone(utcIdentifier: ())

    private init(utcIdentifier: Void) {
        identifier = "UTC"
        timeZone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let zone = LoyaltyTimeZone(raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(raw)' is not an IANA time zone")
        }
        self = zone
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }

    public static func == (lhs: LoyaltyTimeZone, rhs: LoyaltyTimeZone) -> Bool { lhs.identifier == rhs.identifier }

    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    public var description: String { identifier }

    var calendar: Calendar { Calendar.gregorian(in: timeZone) }
}
