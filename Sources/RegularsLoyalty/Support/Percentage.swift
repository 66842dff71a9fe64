import RegularsCore

/// An exact percentage with two decimals (7.5 %, 12.25 %), kept as basis points (hundredths of a percent). Encoded
/// as a decimal string of percent ("7.5").
public struct Percentage: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Hundredths of a percent: 750 is 7.5 %, 10 000 is 100 %.
    public let basisPoints: Int64

    public static let whole: Int64 = 10_000

    public init(basisPoints: Int64) {
        precondition(basisPoints >= 0, "a percentage is never negative")
        self.basisPoints = basisPoints
    }

    /// Parses "7.5" (percent); `nil` for negative values or more than two decimals.
    public init?(_ text: String) {
        guard let value = try? Money.parseMinorUnits(text, digits: 2), value >= 0 else { return nil }
        self.init(basisPoints: value)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Percentage(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not a percentage (a non-negative decimal, 2 places)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// `amount × percentage`, rounded down (toward negative infinity) to an integer.
    public func of(_ amount: Int64) -> Int64 {
        ExactArithmetic.multiplyDivide(amount, basisPoints, Self.whole, rounding: .down)
    }

    public var description: String {
        var text = Money.decimalString(minorUnits: basisPoints, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
