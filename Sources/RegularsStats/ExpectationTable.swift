/// E[purchases in t | alive, x, T] for several horizons t, computed once per distinct (x, T) pair of a collapsed
/// data set (it does not depend on tₓ), with each collapsed row's pair.
struct ExpectationTable {
    let pairOfRow: [Int32]
    /// `pairCount × horizons.count`, row-major.
    let values: [Double]
    let horizonCount: Int

    init(model: some RepeatPurchaseModel, data: CollapsedSummaries, horizons: [Double]) {
        let rows = data.rowCount
        let nx = data.frequencyValues.count
        let nt = data.ageValues.count
        var pairOfRow = [Int32](repeating: 0, count: rows)
        var pairX: [Int32] = []
        var pairT: [Int32] = []
        if nx * nt <= 1 << 22 {
            var dense = [Int32](repeating: -1, count: nx * nt)
            for row in 0..<rows {
                let key = Int(data.frequencyIndex[row]) * nt + Int(data.ageIndex[row])
                if dense[key] < 0 {
                    dense[key] = Int32(pairX.count)
                    pairX.append(data.frequencyIndex[row])
                    pairT.append(data.ageIndex[row])
                }
                pairOfRow[row] = dense[key]
            }
        } else {
            var lookup: [Int64: Int32] = [:]
            for row in 0..<rows {
                let key = Int64(data.frequencyIndex[row]) << 32 | Int64(data.ageIndex[row])
                if let known = lookup[key] {
                    pairOfRow[row] = known
                } else {
                    let new = Int32(pairX.count)
                    lookup[key] = new
                    pairX.append(data.frequencyIndex[row])
                    pairT.append(data.ageIndex[row])
                    pairOfRow[row] = new
                }
            }
        }
        var values = [Double](repeating: 0, count: pairX.count * horizons.count)
        for pair in 0..<pairX.count {
            let x = data.frequencyValues[Int(pairX[pair])]
            let age = data.ageValues[Int(pairT[pair])]
            for (h, t) in horizons.enumerated() {
                values[pair * horizons.count + h] = model.expectedPurchasesIfAlive(in: t, frequency: x, age: age)
            }
        }
        self.pairOfRow = pairOfRow
        self.values = values
        self.horizonCount = horizons.count
    }

    @inline(__always)
    func value(row: Int, horizon: Int) -> Double {
        values[Int(pairOfRow[row]) * horizonCount + horizon]
    }
}
