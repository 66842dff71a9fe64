/// Builds `CollapsedSummaries` one customer at a time, merging identical (x, tₓ, T) rows as they arrive, so that
/// a large customer base never needs its per-customer x, tₓ and T arrays.
struct CollapsedSummariesBuilder {
    private let collapsing: Bool
    private var table = FingerprintTable()
    /// Rows with x = 0 (so tₓ = 0) keyed by T alone: most customers, few distinct keys, a table that stays in cache.
    private var zeroTable = FingerprintTable()
    private struct Key: Equatable {
        var frequency: Double
        var recency: Double
        var age: Double
    }

    /// Distinct rows' keys, contiguous so that an exact comparison touches one cache line.
    private var keys: [Key] = []
    private var weight: [Double] = []
    private var rowOfInput: [Int32] = []
    private var total = 0.0

    init(collapsing: Bool = true, expectedInputs: Int = 0) {
        self.collapsing = collapsing
        rowOfInput.reserveCapacity(expectedInputs)
    }

    var inputCount: Int { rowOfInput.count }

    /// Validates and adds one input row; returns the index of the collapsed row it went to.
    @discardableResult
    mutating func add(frequency rawX: Double, recency rawRecency: Double, age rawAge: Double, weight w: Double = 1)
        throws(CLVModelError) -> Int32
    {
        let index = rowOfInput.count
        let x = rawX + 0.0
        let age = rawAge + 0.0
        var recency = x == 0 ? 0 : rawRecency + 0.0
        guard x.isFinite, recency.isFinite, age.isFinite, w.isFinite else {
            throw .invalidSummary(index: index, reason: "non-finite value")
        }
        guard x >= 0, recency >= 0, age >= 0 else { throw .invalidSummary(index: index, reason: "negative value") }
        if recency > age {
            guard recency - age <= 1e-9 * max(1, age) else {
                throw .invalidSummary(index: index, reason: "recency \(recency) is larger than age \(age)")
            }
            recency = age
        }
        guard w > 0 else { throw .invalidSummary(index: index, reason: "weight must be positive") }
        total += w
        var row = Int32(keys.count)
        let key = Key(frequency: x, recency: recency, age: age)
        if collapsing {
            if x == 0 {
                row = zeroTable.findOrInsert(hash: Self.mix(age.bitPattern), candidate: row) { keys[Int($0)] == key }
            } else {
                row = table.findOrInsert(hash: Self.hash(x, recency, age), candidate: row) { keys[Int($0)] == key }
            }
        }
        rowOfInput.append(row)
        if Int(row) < keys.count {
            weight[Int(row)] += w
        } else {
            keys.append(key)
            weight.append(w)
        }
        return row
    }

    func build() throws(CLVModelError) -> CollapsedSummaries {
        guard !rowOfInput.isEmpty else { throw .emptyInput }
        return CollapsedSummaries(
            frequency: keys.map(\.frequency), recency: keys.map(\.recency), age: keys.map(\.age), weight: weight,
            rowOfInput: rowOfInput, totalWeight: total)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    private static func hash(_ x: Double, _ recency: Double, _ age: Double) -> UInt64 {
        mix(mix(mix(x.bitPattern) ^ recency.bitPattern) ^ age.bitPattern)
    }
}
