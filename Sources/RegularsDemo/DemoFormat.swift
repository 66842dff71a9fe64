/// Locale-independent text formatting (no `String(format:)`, whose output can vary by platform).
enum DemoFormat {
    /// Decimal digits of `value` left-padded with zeros to at least `width` characters.
    static func padded(_ value: Int, width: Int) -> String {
        guard value >= 0 && width <= 8 && value < 100_000_000 else {
            let digits = String(value)
            guard digits.count < width else { return digits }
            return String(repeating: "0", count: width - digits.count) + digits
        }
        // Fast path: pack the ASCII digits into one word (cheap even in debug builds).
        var remaining = value
        var count = 0
        var packed: UInt64 = 0
        while count < width || remaining > 0 {
            packed = (packed &<< 8) | UInt64(48 + remaining % 10)
            remaining /= 10
            count += 1
        }
        return DemoHex.ascii(packed, count: count)
    }

    /// Minor units as a plain decimal string with two fraction digits, e.g. 2499 -> "24.99".
    static func decimal(minor: Int64) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let cents = Int(magnitude % 100)
        return sign + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Lowercase ASCII slug: letters and digits kept, every other run collapsed into one hyphen.
    static func slug(_ text: String) -> String {
        var bytes: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = (byte >= 65 && byte <= 90) ? byte + 32 : byte
            let isAlphanumeric = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)
            if isAlphanumeric {
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                bytes.append(lower)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
