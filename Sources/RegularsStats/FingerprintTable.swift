/// An open-addressing hash set of row numbers keyed by 64-bit hashes, kept small (it grows with the number of
/// distinct rows, not the number of inputs) so lookups stay in cache. The caller stores the keys; the table stores
/// each row's full hash next to its row number as a fingerprint (one cache line per probe), and calls back for an
/// exact comparison only when fingerprints match.
struct FingerprintTable {
    private struct Slot {
        var hash: UInt64
        var row: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private var count = 0

    init() {
        slots = [Slot](repeating: Slot(hash: 0, row: -1), count: 1024)
        mask = 1023
    }

    /// The row whose key equals the probe's, or `candidate` (now inserted) when there is none.
    @inline(__always)
    mutating func findOrInsert(hash: UInt64, candidate: Int32, equals: (Int32) -> Bool) -> Int32 {
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.row < 0 { break }
            if slot.hash == hash, equals(slot.row) { return slot.row }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, row: candidate)
        count += 1
        if 2 * count > mask + 1 { grow() }
        return candidate
    }

    private mutating func grow() {
        let old = slots
        let capacity = 2 * (mask + 1)
        slots = [Slot](repeating: Slot(hash: 0, row: -1), count: capacity)
        mask = capacity - 1
        for slot in old where slot.row >= 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].row >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
