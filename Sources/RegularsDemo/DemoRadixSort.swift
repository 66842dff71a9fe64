/// Stable LSD radix sort for `UInt64` keys: linear time and fast even in unoptimised builds, where the generic
/// standard library sort is dominated by protocol dispatch. Loops are plain index loops for the same reason.
enum DemoRadixSort {
    private static let digitBits: UInt64 = 13
    private static let bucketCount = 1 << 13

    /// Sorts by the bits above `skippingLowBits` only; keys equal there keep their relative order.
    static func sort(_ keys: inout [UInt64], skippingLowBits: UInt64 = 0) {
        let count = keys.count
        guard count > 1 else { return }
        var combined: UInt64 = 0
        var index = 0
        while index < count {
            combined |= keys[index]
            index += 1
        }
        let significantBits = UInt64(64 - combined.leadingZeroBitCount)
        var scratch = [UInt64](repeating: 0, count: count)
        let mask = UInt64(bucketCount - 1)
        var shift = skippingLowBits
        var inScratch = false
        while shift < significantBits {
            if inScratch {
                distribute(from: scratch, into: &keys, shift: shift, mask: mask)
            } else {
                distribute(from: keys, into: &scratch, shift: shift, mask: mask)
            }
            inScratch.toggle()
            shift += digitBits
        }
        if inScratch { keys = scratch }
    }

    /// One counting-sort pass on the digit `(key >> shift) & mask`.
    private static func distribute(from source: [UInt64], into target: inout [UInt64], shift: UInt64, mask: UInt64) {
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        let count = source.count
        var index = 0
        while index < count {
            starts[Int(truncatingIfNeeded: (source[index] &>> shift) & mask) &+ 1] += 1
            index += 1
        }
        var bucket = 1
        while bucket <= bucketCount {
            starts[bucket] += starts[bucket - 1]
            bucket += 1
        }
        index = 0
        while index < count {
            let key = source[index]
            let digit = Int(truncatingIfNeeded: (key &>> shift) & mask)
            target[starts[digit]] = key
            starts[digit] += 1
            index += 1
        }
    }
}
