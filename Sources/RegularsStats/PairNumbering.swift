/// Numbers the distinct pairs of two small non-negative integer keys in order of first appearance, so that work which
/// depends only on the pair is done once per pair: on a dense grid when it is small enough, else through a hash.
public struct PairNumbering: Sendable {
    /// Each item's pair number.
    public let numberOfItem: [Int32]
    /// The pairs' first keys, by number.
    public let first: [Int32]
    /// The pairs' second keys, by number.
    public let second: [Int32]

    public var pairCount: Int { first.count }

    /// Numbers the pairs `key(0)`, …, `key(count − 1)`, whose first keys lie in `0..<firstCount` and second keys in
    /// `0..<secondCount`.
    public init(count: Int, firstCount: Int, secondCount: Int, key: (Int) -> (first: Int32, second: Int32)) {
        var numberOfItem = [Int32](repeating: 0, count: count)
        var first: [Int32] = []
        var second: [Int32] = []
        func add(_ pair: (first: Int32, second: Int32)) -> Int32 {
            first.append(pair.first)
            second.append(pair.second)
            return Int32(first.count - 1)
        }
        if firstCount * secondCount <= 1 << 22 {
            var dense = [Int32](repeating: -1, count: firstCount * secondCount)
            for item in 0..<count {
                let pair = key(item)
                let cell = Int(pair.first) * secondCount + Int(pair.second)
                if dense[cell] < 0 { dense[cell] = add(pair) }
                numberOfItem[item] = dense[cell]
            }
        } else {
            var lookup: [Int64: Int32] = [:]
            for item in 0..<count {
                let pair = key(item)
                let cell = Int64(pair.first) << 32 | Int64(pair.second)
                if let known = lookup[cell] {
                    numberOfItem[item] = known
                } else {
                    let number = add(pair)
                    lookup[cell] = number
                    numberOfItem[item] = number
                }
            }
        }
        self.numberOfItem = numberOfItem
        self.first = first
        self.second = second
    }
}
