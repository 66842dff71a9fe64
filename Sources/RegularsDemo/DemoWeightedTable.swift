/// Walker/Vose alias table: constant-time weighted sampling from one uniform draw.
struct DemoWeightedTable: Sendable {
    /// Probability of keeping each slot rather than taking its alias.
    private(set) var probability: [Double]
    private(set) var alias: [Int]

    /// Builds the table deterministically (work lists are processed in index order).
    init(weights: [Double]) {
        let count = weights.count
        var total = 0.0
        for weight in weights { total += weight }
        guard count > 0, total > 0 else {
            probability = Array(repeating: 1, count: count)
            alias = Array(0..<count)
            return
        }
        var scaled = weights.map { $0 * Double(count) / total }
        var probability = Array(repeating: 1.0, count: count)
        var alias = Array(0..<count)
        var small = scaled.indices.filter { scaled[$0] < 1 }
        var large = scaled.indices.filter { scaled[$0] >= 1 }
        while let less = small.popLast(), let more = large.popLast() {
            probability[less] = scaled[less]
            alias[less] = more
            scaled[more] = (scaled[more] + scaled[less]) - 1
            if scaled[more] < 1 { small.append(more) } else { large.append(more) }
        }
        // Leftovers (rounding) keep probability 1.
        self.probability = probability
        self.alias = alias
    }

    var isEmpty: Bool { probability.isEmpty }

    /// An index in `0..<weights.count`, drawn proportionally to its weight.
    func pick(using random: inout DemoRandom) -> Int {
        let count = probability.count
        guard count > 1 else { return 0 }
        let scaled = random.unit() * Double(count)
        let index = min(count - 1, Int(scaled))
        return scaled - Double(index) < probability[index] ? index : alias[index]
    }
}
