/// Branch-free hexadecimal formatting: eight digits are computed at once inside a `UInt64` (SWAR), which keeps
/// identifier generation cheap even in unoptimised builds.
enum DemoHex {
    private static let dash: UInt64 = 0x2D

    /// The eight lowercase hex digits of `value` as ASCII, most significant digit in the lowest byte.
    static func digits(_ value: UInt64) -> UInt64 {
        var x = value & 0xFFFF_FFFF
        x = (x | (x &<< 16)) & 0x0000_FFFF_0000_FFFF
        x = (x | (x &<< 8)) & 0x00FF_00FF_00FF_00FF
        x = (x | (x &<< 4)) & 0x0F0F_0F0F_0F0F_0F0F
        x = x.byteSwapped
        let letters = ((x &+ 0x0606_0606_0606_0606) &>> 4) & 0x0101_0101_0101_0101
        return x &+ 0x3030_3030_3030_3030 &+ letters &* 0x27
    }

    /// The first `count` (at most 8) bytes of `packed`, lowest byte first, as an ASCII string.
    static func ascii(_ packed: UInt64, count: Int) -> String {
        var bytes = DemoPackedASCII()
        bytes.words.0 = packed.littleEndian
        return bytes.string(count: min(8, count))
    }

    /// 16 lowercase hex digits per word, in order.
    static func string(_ first: UInt64, _ second: UInt64? = nil) -> String {
        var bytes = DemoPackedASCII()
        bytes.words.0 = digits(first &>> 32).littleEndian
        bytes.words.1 = digits(first).littleEndian
        guard let second else { return bytes.string(count: 16) }
        bytes.words.2 = digits(second &>> 32).littleEndian
        bytes.words.3 = digits(second).littleEndian
        return bytes.string(count: 32)
    }

    /// RFC 4122 version 4 layout "xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx" from 128 random bits.
    static func uuid(_ high: UInt64, _ low: UInt64) -> String {
        let a = digits(high &>> 32)
        let b = digits(high)
        let c = digits(low &>> 32)
        let d = digits(low)
        let variantNibble = 8 | ((low &>> 60) & 3)
        let variant: UInt64 = variantNibble < 10 ? 48 + variantNibble : 87 + variantNibble
        var bytes = DemoPackedASCII()
        bytes.words.0 = a.littleEndian
        // Bytes 8-15: "-", b0...b3, "-", "4", b5.
        bytes.words.1 =
            (dash | ((b & 0xFFFF_FFFF) &<< 8) | (dash &<< 40) | (0x34 &<< 48) | (((b &>> 40) & 0xFF) &<< 56))
            .littleEndian
        // Bytes 16-23: b6, b7, "-", variant, c1, c2, c3, "-".
        bytes.words.2 =
            (((b &>> 48) & 0xFFFF) | (dash &<< 16) | (variant &<< 24) | (((c &>> 8) & 0xFF_FFFF) &<< 32)
            | (dash &<< 56)).littleEndian
        // Bytes 24-35: c4...c7, d0...d7.
        bytes.words.3 = ((c &>> 32) | (d &<< 32)).littleEndian
        bytes.words.4 = (d &>> 32).littleEndian
        return bytes.string(count: 36)
    }
}
