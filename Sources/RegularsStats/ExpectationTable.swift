/// E[purchases in t | alive, x, T] for several horizons t, computed once per distinct (x, T) pair of a collapsed
/// data set (it does not depend on tₓ), with each collapsed row's pair.
struct ExpectationTable {
    let pairOfRow: [Int32]
    /// `pairCount × horizons.count`, row-major.
    let values: [Double]
    let horizonCount: Int

    init(model: some RepeatPurchaseModel, data: CollapsedSummaries, horizons: [Double]) {
        let pairs = PairNumbering(
            count: data.rowCount, firstCount: data.frequencyValues.count, secondCount: data.ageValues.count
        ) { row in (data.frequencyIndex[row], data.ageIndex[row]) }
        self.pairOfRow = pairs.numberOfItem
        self.values = Self.values(
            model: model, frequency: pairs.first.map { data.frequencyValues[Int($0)] },
            age: pairs.second.map { data.ageValues[Int($0)] }, horizons: horizons)
        self.horizonCount = horizons.count
    }

    /// E[purchases in t | alive, x, T] for each (x, T) pair (`frequency[i]`, `age[i]`) and each horizon t,
    /// `pairs × horizons`, row-major.
    static func values(model: some RepeatPurchaseModel, frequency: [Double], age: [Double], horizons: [Double])
        -> [Double]
    {
        var values = [Double](repeating: 0, count: frequency.count * horizons.count)
        for pair in 0..<frequency.count {
            for (h, t) in horizons.enumerated() {
                values[pair * horizons.count + h] = model.expectedPurchasesIfAlive(
                    in: t, frequency: frequency[pair], age: age[pair])
            }
        }
        return values
    }

    @inline(__always)
    func value(row: Int, horizon: Int) -> Double {
        values[Int(pairOfRow[row]) * horizonCount + horizon]
    }
}
