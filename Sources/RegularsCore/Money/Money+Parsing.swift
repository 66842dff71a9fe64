/// Why a decimal amount could not be turned into minor units.
public enum MoneyParsingError: Error, Equatable, Sendable {
    case notADecimal(String)
    case tooManyDecimals(String, allowed: Int)
    case outOfRange(String)
}

extension Money {
    /// Parses a decimal string in major units ("12.5", "-3", "1e2" is rejected) into exact minor units.
    ///
    /// Extra fractional digits are accepted only when they are zeros ("12.500" for USD), so no value is ever rounded.
    public static func parse(_ text: String, currency: CurrencyCode) throws(MoneyParsingError) -> Money {
        Money(minorUnits: try parseMinorUnits(text, digits: currency.minorUnitDigits), currency: currency)
    }

    public static func parseMinorUnits(_ text: String, digits: Int) throws(MoneyParsingError) -> Int64 {
        let trimmed = text.trimmingSpaces()
        var scalars = Substring(trimmed)
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !(whole.isEmpty && (parts.count < 2 || parts[1].isEmpty)),
            whole.allSatisfy(\.isASCIIDigit)
        else { throw .notADecimal(text) }
        var fraction = parts.count == 2 ? Substring(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit) else { throw .notADecimal(text) }
        while fraction.count > digits, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= digits else { throw .tooManyDecimals(text, allowed: digits) }
        let digitsText = String(whole) + fraction + String(repeating: "0", count: digits - fraction.count)
        guard let magnitude = Int64(digitsText.isEmpty ? "0" : digitsText) else { throw .outOfRange(text) }
        return negative ? -magnitude : magnitude
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
