/// An exact amount of money: integer minor units of one currency. Never a floating-point value.
public struct Money: Hashable, Sendable, Codable {
    public var minorUnits: Int64
    public var currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount as a plain decimal string in major units, e.g. "12.50", "1500", "0.125".
    public var decimalString: String { Self.decimalString(minorUnits: minorUnits, digits: currency.minorUnitDigits) }

    public static func decimalString(minorUnits: Int64, digits: Int) -> String {
        guard digits > 0 else { return String(minorUnits) }
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<digits { divisor *= 10 }
        let fraction = String(magnitude % divisor)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(sign)\(magnitude / divisor).\(padded)"
    }
}
