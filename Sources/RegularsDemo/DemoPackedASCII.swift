/// Up to 40 ASCII bytes held in five words (each stored little-endian, so memory order is byte order), turned into
/// a `String` with a single copy.
struct DemoPackedASCII: Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)

    /// The first `count` (at most 40) bytes as a string.
    func string(count: Int) -> String {
        withUnsafeBytes(of: words) { raw in
            String(decoding: UnsafeRawBufferPointer(start: raw.baseAddress, count: min(count, 40)), as: UTF8.self)
        }
    }
}
