#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Gamma-Gamma log-likelihood of customers' mean repeat-transaction values m̄ given x ≥ 1 transactions:
///
/// ln L = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + γ)
///
/// Terms depending only on x are shared per distinct x; the per-row work is one `log`.
struct GammaGammaLikelihood {
    private let xValues: [Double]
    private let rowX: [Int32]
    private let rowValue: [Double]
    private let rowWeight: [Double]
    private let weightPerX: [Double]
    private let weightedLogValuePerX: [Double]
    let totalWeight: Double

    /// Rows with x > 0 and m̄ > 0 only (others carry no information about spend).
    init(frequency: [Double], monetaryValue: [Double], weights: [Double]?) {
        self.init(
            count: frequency.count, frequency: { frequency[$0] }, monetaryValue: { monetaryValue[$0] },
            weight: { weights?[$0] ?? 1 })
    }

    init(
        count: Int, frequency: (Int) -> Double, monetaryValue: (Int) -> Double, weight: (Int) -> Double
    ) {
        var lookup: [Double: Int32] = [:]
        var smallIndex = [Int32](repeating: -1, count: 1025)  // integer x up to 1024, the usual case
        var xValues: [Double] = []
        var rowX: [Int32] = []
        var rowValue: [Double] = []
        var rowWeight: [Double] = []
        var weightPerX: [Double] = []
        var weightedLog: [Double] = []
        var total = 0.0
        var table = FingerprintTable()
        for i in 0..<count {
            let x = frequency(i)
            let m = monetaryValue(i)
            let w = weight(i)
            guard x > 0, m > 0, x.isFinite, m.isFinite, w > 0 else { continue }
            let k: Int32
            let small = x <= 1024 && x == x.rounded() ? Int(x) : -1
            if small >= 0, smallIndex[small] >= 0 {
                k = smallIndex[small]
            } else if small < 0, let existing = lookup[x] {
                k = existing
            } else {
                k = Int32(xValues.count)
                if small >= 0 { smallIndex[small] = k } else { lookup[x] = k }
                xValues.append(x)
                weightPerX.append(0)
                weightedLog.append(0)
            }
            // Identical (x, m̄) rows are merged into one weighted row.
            let row = table.findOrInsert(hash: Self.hash(x, m), candidate: Int32(rowValue.count)) {
                rowValue[Int($0)] == m && xValues[Int(rowX[Int($0)])] == x
            }
            if Int(row) < rowValue.count {
                rowWeight[Int(row)] += w
            } else {
                rowX.append(k)
                rowValue.append(m)
                rowWeight.append(w)
            }
            weightPerX[Int(k)] += w
            weightedLog[Int(k)] += w * log(m)
            total += w
        }
        self.xValues = xValues
        self.rowX = rowX
        self.rowValue = rowValue
        self.rowWeight = rowWeight
        self.weightPerX = weightPerX
        self.weightedLogValuePerX = weightedLog
        self.totalWeight = total
    }

    /// Number of distinct (x, m̄) rows.
    var rowCount: Int { rowValue.count }

    private static func hash(_ x: Double, _ m: Double) -> UInt64 {
        var z = x.bitPattern &* 0x9E37_79B9_7F4A_7C15 ^ (m.bitPattern &+ 0x632B_E59B_D9B4_E019)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    func evaluate(_ parameters: [Double], gradient: UnsafeMutablePointer<Double>?) -> Double {
        let p = parameters[0]
        let q = parameters[1]
        let gamma = parameters[2]
        guard p > 0, q > 0, gamma > 0, p.isFinite, q.isFinite, gamma.isFinite else { return -.infinity }
        let nx = xValues.count
        var sumLog = [Double](repeating: 0, count: nx)
        var sumInverse = [Double](repeating: 0, count: nx)
        let wantsGradient = gradient != nil
        rowX.withUnsafeBufferPointer { rx in
            rowValue.withUnsafeBufferPointer { rv in
                rowWeight.withUnsafeBufferPointer { rw in
                    xValues.withUnsafeBufferPointer { xv in
                        sumLog.withUnsafeMutableBufferPointer { sl in
                            sumInverse.withUnsafeMutableBufferPointer { si in
                                for i in 0..<rx.count {
                                    let k = Int(rx[i])
                                    let denominator = xv[k] * rv[i] + gamma
                                    sl[k] += rw[i] * log(denominator)
                                    if wantsGradient { si[k] += rw[i] / denominator }
                                }
                            }
                        }
                    }
                }
            }
        }
        let lgQ = SpecialFunctions.logGamma(q)
        let logGamma = log(gamma)
        let psiQ = wantsGradient ? SpecialFunctions.digamma(q) : 0
        var ll = 0.0
        var gradP = 0.0
        var gradQ = 0.0
        var gradGamma = 0.0
        for k in 0..<nx {
            let x = xValues[k]
            let w = weightPerX[k]
            let px = p * x
            let logX = log(x)
            ll +=
                w * (SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - lgQ + q * logGamma + px * logX)
                + (px - 1) * weightedLogValuePerX[k]
                - (px + q) * sumLog[k]
            if wantsGradient {
                let psiPXQ = SpecialFunctions.digamma(px + q)
                let psiPX = SpecialFunctions.digamma(px)
                gradP += w * x * (psiPXQ - psiPX + logX) + x * weightedLogValuePerX[k] - x * sumLog[k]
                gradQ += w * (psiPXQ - psiQ + logGamma) - sumLog[k]
                gradGamma += w * q / gamma - (px + q) * sumInverse[k]
            }
        }
        if let gradient {
            gradient[0] = gradP
            gradient[1] = gradQ
            gradient[2] = gradGamma
        }
        return ll
    }
}
