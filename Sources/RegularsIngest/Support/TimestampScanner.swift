/// A cursor over the bytes of a timestamp, for ``TimestampParser``.
struct TimestampScanner {
    let bytes: [UInt8]
    var index = 0
    var previousWasSpace = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func skipSpaces() {
        previousWasSpace = false
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") {
            index += 1
            previousWasSpace = true
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func takeWord(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            return false
        }
        index += utf8.count
        return true
    }

    mutating func sign() -> Int? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }

    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    /// Up to nine fractional digits are significant (nanoseconds); more are read and ignored.
    mutating func fraction() -> Double? {
        var value = 0
        var scale = 1
        var count = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            if count < 9 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                scale *= 10
            }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        return Double(value) / Double(scale)
    }
}
