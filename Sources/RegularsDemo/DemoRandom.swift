/// Deterministic xoshiro256** generator seeded through SplitMix64.
///
/// Each logical stream (a purpose and an index) gets its own generator, so the data drawn for one customer does
/// not depend on how many numbers were drawn for another. Only integer operations and IEEE basic arithmetic are
/// used, so results are identical on every platform.
struct DemoRandom: Sendable {
    private var state0: UInt64
    private var state1: UInt64
    private var state2: UInt64
    private var state3: UInt64

    init(seed: UInt64, stream: DemoStream, index: Int = 0) {
        var mixer = seed ^ Self.mix(stream.rawValue &* 0xD1B5_4A32_D192_ED03 &+ UInt64(truncatingIfNeeded: index))
        state0 = Self.splitMix(&mixer)
        state1 = Self.splitMix(&mixer)
        state2 = Self.splitMix(&mixer)
        state3 = Self.splitMix(&mixer)
        if state0 | state1 | state2 | state3 == 0 { state0 = 0x9E37_79B9_7F4A_7C15 }
    }

    mutating func next() -> UInt64 {
        let product = state1 &* 5
        let result = ((product &<< 7) | (product &>> 57)) &* 9
        let shifted = state1 &<< 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = (state3 &<< 45) | (state3 &>> 19)
        return result
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
