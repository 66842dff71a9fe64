import RegularsCore

/// An exact non-negative multiplier with four decimals (1.5×, 1.25×, 2×), kept as ten-thousandths. Encoded as a
/// decimal string ("1.5") so configuration stays readable and is never a floating-point value.
public struct Multiplier: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The multiplier × 10 000: 15 000 is 1.5×.
    public let tenThousandths: Int64

    public static let scale: Int64 = 10_000
    public static let one = Multiplier(tenThousandths: scale)

    public init(tenThousandths: Int64) {
        precondition(tenThousandths >= 0, "a multiplier is never negative")
        self.tenThousandths = tenThousandths
    }

    /// Parses "1.5", "2", "1.0625"; `nil` for negative values or more than four decimals.
    public init?(_ text: String) {
        guard let value = try? Money.parseMinorUnits(text, digits: 4), value >= 0 else { return nil }
        self.init(tenThousandths: value)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Multiplier(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not a multiplier (a non-negative decimal, 4 places)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: Multiplier, rhs: Multiplier) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

    /// "1.5", "2", "1.0625": the shortest exact decimal.
    public var description: String {
        var text = Money.decimalString(minorUnits: tenThousandths, digits: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
