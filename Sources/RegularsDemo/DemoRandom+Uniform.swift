extension DemoRandom {
    /// Uniform double in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        Self.fraction(next())
    }

    /// Uniform double in (0, 1), safe to take the logarithm of.
    mutating func openUnit() -> Double {
        Self.fraction(next()) + 0x1.0p-54
    }

    /// The top 53 bits of `bits` as a fraction in [0, 1). Converted in two exact halves through `Int`, which is
    /// cheap even in debug builds (unlike the generic `Double(UInt64)` path) and correct on 32-bit platforms.
    private static func fraction(_ bits: UInt64) -> Double {
        let high = Int(truncatingIfNeeded: bits &>> 38)  // 26 bits
        let low = Int(truncatingIfNeeded: (bits &>> 11) & 0x7FF_FFFF)  // 27 bits
        return (Double(high) * 0x1.0p27 + Double(low)) * 0x1.0p-53
    }

    /// Uniform integer in `0..<upperBound` (multiply-high reduction; `upperBound` must be positive).
    mutating func int(below upperBound: Int) -> Int {
        Int(UInt64(upperBound).multipliedFullWidth(by: next()).high)
    }

    /// Uniform integer in the closed range.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// Uniform 64-bit integer in the closed range.
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int64(bitPattern: next()) }
        return range.lowerBound + Int64(width.multipliedFullWidth(by: next()).high)
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    mutating func element<Element>(of array: [Element]) -> Element {
        array[int(below: array.count)]
    }

    /// Index drawn proportionally to `weights` (which need not be normalised).
    mutating func index(weights: [Double]) -> Int {
        var total = 0.0
        var position = 0
        while position < weights.count {
            total += weights[position]
            position += 1
        }
        var target = unit() * total
        position = 0
        while position < weights.count - 1 {
            if target < weights[position] { return position }
            target -= weights[position]
            position += 1
        }
        return weights.count - 1
    }

    /// Fisher–Yates shuffle.
    mutating func shuffle<Element>(_ array: inout [Element]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(index, int(below: index + 1))
        }
    }

    /// 16 lowercase hexadecimal characters from one draw.
    mutating func hex16() -> String {
        DemoHex.string(next())
    }

    /// 32 lowercase hexadecimal characters from two draws.
    mutating func hex32() -> String {
        let first = next()
        return DemoHex.string(first, next())
    }

    /// A random version 4 UUID string in lowercase, from two draws.
    mutating func uuid() -> String {
        let high = next()
        return DemoHex.uuid(high, next())
    }
}
