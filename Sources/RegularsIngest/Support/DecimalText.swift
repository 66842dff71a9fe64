import RegularsCore

/// Exact conversions of decimal text (JSON number literals, strings such as `"29.35"`) to integers.
enum DecimalText {
    /// The largest exponent magnitude expanded; anything larger cannot be a sensible amount or id.
    static let maximumExponent = 40

    /// Rewrites a JSON number literal with an exponent (`2.599e1`) as plain decimal text (`25.99`), exactly.
    static func plain(_ literal: String) throws(MoneyParsingError) -> String {
        guard let marker = literal.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return literal }
        let mantissa = literal[..<marker]
        guard let exponent = Int(literal[literal.index(after: marker)...]),
            abs(exponent) <= maximumExponent
        else { throw .outOfRange(literal) }
        var body = Substring(mantissa)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !whole.isEmpty || !fraction.isEmpty, (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw .notADecimal(literal) }
        let digits = whole + fraction
        let point = whole.count + exponent
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// Minor units of a decimal amount written as JSON number text or a decimal string.
    static func minorUnits(_ text: String, digits: Int) throws(MoneyParsingError) -> Int64 {
        if let fast = fastMinorUnits(text, digits: digits) { return fast }
        return try Money.parseMinorUnits(plain(text), digits: digits)
    }

    /// The common case of ``minorUnits(_:digits:)`` on the UTF-8 bytes: `[+-]digits[.digits]` that needs no
    /// rounding and fits in `Int64`. `nil` sends everything else (exponents, errors, overflow) to the exact but
    /// slower `Money.parseMinorUnits`, which has the same semantics and produces the precise error.
    static func fastMinorUnits(_ text: String, digits: Int) -> Int64? {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var value: Int64 = 0
        var sawDigit = false
        var fractionDigits = 0
        var inFraction = false
        var pendingZeros = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard !inFraction else { return nil }
                inFraction = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sawDigit = true
            let digit = Int64(byte - UInt8(ascii: "0"))
            if inFraction {
                if fractionDigits >= digits {
                    // Extra fractional digits are accepted only when they are zeros.
                    guard digit == 0 else { return nil }
                    pendingZeros += 1
                    continue
                }
                fractionDigits += 1
            }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (added, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = added
        }
        guard sawDigit else { return nil }
        for _ in fractionDigits..<digits {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = shifted
        }
        return negative ? -value : value
    }

    /// A whole number (`3`, `3.0`, `3e0`); `nil` when the text has a non-zero fraction or is not a number.
    static func integer(_ text: String) -> Int64? {
        do {
            return try minorUnits(text, digits: 0)
        } catch {
            return nil
        }
    }
}
