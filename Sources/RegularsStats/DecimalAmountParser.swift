/// Parses decimal amount strings (`-12.5`, `29.33`, `+7`) into integer minor units without going through `Double`.
enum DecimalAmountParser {
    /// `fractionDigits` is the number of minor-unit digits (2 for cents). Extra fraction digits are rounded half-even.
    static func minorUnits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, fractionDigits: Int) -> Int64? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value: Int64 = 0
        var digits = 0
        while index < end, bytes[index] >= 48, bytes[index] <= 57 {
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(Int64(bytes[index] - 48))
            guard !overflow1, !overflow2 else { return nil }
            value = added
            digits += 1
            index += 1
        }
        var fractionUsed = 0
        var roundDigit: UInt8? = nil
        var stickyNonZero = false
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, bytes[index] >= 48, bytes[index] <= 57 {
                let digit = bytes[index] - 48
                if fractionUsed < fractionDigits {
                    let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
                    let (added, overflow2) = multiplied.addingReportingOverflow(Int64(digit))
                    guard !overflow1, !overflow2 else { return nil }
                    value = added
                    fractionUsed += 1
                } else if roundDigit == nil {
                    roundDigit = digit
                } else if digit != 0 {
                    stickyNonZero = true
                }
                digits += 1
                index += 1
            }
        }
        guard index == end, digits > 0 else { return nil }
        while fractionUsed < fractionDigits {
            let (multiplied, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = multiplied
            fractionUsed += 1
        }
        if let roundDigit, roundDigit > 5 || (roundDigit == 5 && (stickyNonZero || value % 2 == 1)) {
            value += 1
        }
        return negative ? -value : value
    }
}
