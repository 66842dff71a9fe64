#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The BG/NBD log-likelihood over collapsed rows (FHL 2005, eq. 6, in the log-sum-exp form of Hardie's note 004):
///
/// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
///        + ln( (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x) )
///
/// Terms that depend only on x are computed once per distinct x, and ln(α+T), ln(α+tₓ) once per distinct T and tₓ,
/// so the per-row work is one `exp` and one `log1p`.
struct BGNBDLikelihood {
    let data: CollapsedSummaries
    private let weightPerX: [Double]

    init(data: CollapsedSummaries) {
        self.data = data
        var weights = [Double](repeating: 0, count: data.frequencyValues.count)
        for row in 0..<data.rowCount { weights[Int(data.frequencyIndex[row])] += data.weight[row] }
        self.weightPerX = weights
    }

    /// Total (weighted) log-likelihood and, if requested, its gradient with respect to (r, α, a, b).
    func evaluate(_ parameters: [Double], gradient: UnsafeMutablePointer<Double>?) -> Double {
        let r = parameters[0]
        let alpha = parameters[1]
        let a = parameters[2]
        let b = parameters[3]
        guard r > 0, alpha > 0, a > 0, b > 0, r.isFinite, alpha.isFinite, a.isFinite, b.isFinite else {
            return -.infinity
        }
        let wantsGradient = gradient != nil
        let logAlpha = log(alpha)
        let xValues = data.frequencyValues
        let nx = xValues.count
        // Per distinct x.
        var constantLL = 0.0
        var gradR = 0.0
        var gradAlpha = 0.0
        var gradA = 0.0
        var gradB = 0.0
        var logA4Constant = [Double](repeating: 0, count: nx)
        let lgR = SpecialFunctions.logGamma(r)
        let lgB = SpecialFunctions.logGamma(b)
        let lgAB = SpecialFunctions.logGamma(a + b)
        let psiR = wantsGradient ? SpecialFunctions.digamma(r) : 0
        let psiB = wantsGradient ? SpecialFunctions.digamma(b) : 0
        let psiAB = wantsGradient ? SpecialFunctions.digamma(a + b) : 0
        for k in 0..<nx {
            let x = xValues[k]
            let w = weightPerX[k]
            constantLL +=
                w
                * (SpecialFunctions.logGamma(r + x) - lgR + r * logAlpha + lgAB + SpecialFunctions.logGamma(b + x) - lgB
                    - SpecialFunctions.logGamma(a + b + x))
            if x > 0 { logA4Constant[k] = log(a) - log(b + x - 1) }
            if wantsGradient {
                gradR += w * (SpecialFunctions.digamma(r + x) - psiR + logAlpha)
                gradAlpha += w * r / alpha
                let psiABX = SpecialFunctions.digamma(a + b + x)
                gradA += w * (psiAB - psiABX)
                gradB += w * (psiAB + SpecialFunctions.digamma(b + x) - psiB - psiABX)
            }
        }
        let logAge = data.ageValues.map { log(alpha + $0) }
        let logRecency = data.recencyValues.map { log(alpha + $0) }
        let inverseAge = wantsGradient ? data.ageValues.map { 1 / (alpha + $0) } : []
        let inverseRecency = wantsGradient ? data.recencyValues.map { 1 / (alpha + $0) } : []
        var dropoutWeight = [Double](repeating: 0, count: nx)
        var rowLL = 0.0
        var rowGradR = 0.0
        var rowGradAlpha = 0.0
        let rows = data.rowCount
        xValues.withUnsafeBufferPointer { xv in
            data.frequencyIndex.withUnsafeBufferPointer { xi in
                data.recencyIndex.withUnsafeBufferPointer { ri in
                    data.ageIndex.withUnsafeBufferPointer { ti in
                        data.weight.withUnsafeBufferPointer { wt in
                            logAge.withUnsafeBufferPointer { la in
                                logRecency.withUnsafeBufferPointer { lr in
                                    logA4Constant.withUnsafeBufferPointer { c4 in
                                        if !wantsGradient {
                                            for i in 0..<rows {
                                                let k = Int(xi[i])
                                                let x = xv[k]
                                                let rx = r + x
                                                let a3 = -rx * la[Int(ti[i])]
                                                var l = a3
                                                if x > 0 {
                                                    let a4 = c4[k] - rx * lr[Int(ri[i])]
                                                    l = a3 >= a4 ? a3 + log1p(exp(a4 - a3)) : a4 + log1p(exp(a3 - a4))
                                                }
                                                rowLL += wt[i] * l
                                            }
                                            return
                                        }
                                        inverseAge.withUnsafeBufferPointer { ia in
                                            inverseRecency.withUnsafeBufferPointer { ir in
                                                dropoutWeight.withUnsafeMutableBufferPointer { dw in
                                                    for i in 0..<rows {
                                                        let k = Int(xi[i])
                                                        let x = xv[k]
                                                        let rx = r + x
                                                        let t = Int(ti[i])
                                                        let a3 = -rx * la[t]
                                                        let w = wt[i]
                                                        if x > 0 {
                                                            let s = Int(ri[i])
                                                            let a4 = c4[k] - rx * lr[s]
                                                            let l: Double
                                                            let w4: Double
                                                            if a3 >= a4 {
                                                                let e = exp(a4 - a3)
                                                                l = a3 + log1p(e)
                                                                w4 = e / (1 + e)
                                                            } else {
                                                                let e = exp(a3 - a4)
                                                                l = a4 + log1p(e)
                                                                w4 = 1 / (1 + e)
                                                            }
                                                            let w3 = 1 - w4
                                                            rowLL += w * l
                                                            rowGradR -= w * (w3 * la[t] + w4 * lr[s])
                                                            rowGradAlpha -= w * rx * (w3 * ia[t] + w4 * ir[s])
                                                            dw[k] += w * w4
                                                        } else {
                                                            rowLL += w * a3
                                                            rowGradR -= w * la[t]
                                                            rowGradAlpha -= w * rx * ia[t]
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let gradient {
            for k in 0..<nx where xValues[k] > 0 {
                gradA += dropoutWeight[k] / a
                gradB -= dropoutWeight[k] / (b + xValues[k] - 1)
            }
            gradient[0] = gradR + rowGradR
            gradient[1] = gradAlpha + rowGradAlpha
            gradient[2] = gradA
            gradient[3] = gradB
        }
        return constantLL + rowLL
    }
}
