#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension BGNBDModel {
    /// P(alive | x, tₓ, T) = 1 / (1 + 1{x>0} · a/(b + x − 1) · ((α + T)/(α + tₓ))^(r+x))  (FHL 2005, eq. 11).
    public func probabilityAlive(frequency x: Double, recency: Double, age: Double) -> Double {
        guard x > 0 else { return 1 }
        let p = parameters
        let logOdds = log(p.a) - log(p.b + x - 1) + (p.r + x) * (log(p.alpha + age) - log(p.alpha + recency))
        return 1 / (1 + exp(logOdds))
    }

    /// (a + b + x − 1)/(a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]  (FHL 2005, eq. 10
    /// without the P(alive) factor).
    ///
    /// When a − 1 ≤ r + x, the hypergeometric function is evaluated after Euler's transformation,
    /// ₂F₁(r+x, b+x; c; z) = (1−z)^(a−1−r−x) ₂F₁(a+b−1−r, a−1; c; z) with c = a+b+x−1, whose series converges
    /// quickly for every x because its numerator parameters do not grow with x; the power of (1 − z) then cancels
    /// against ((α+T)/(α+T+t))^(r+x) = (1−z)^(r+x). For larger a (fits where nearly every customer shares one dropout
    /// probability give a in the hundreds of thousands) Euler's series overflows, and Gauss's original series is
    /// summed in log space instead.
    public func expectedPurchasesIfAlive(in t: Double, frequency x: Double, age: Double) -> Double {
        guard t > 0 else { return 0 }
        let p = parameters
        var a = p.a
        if abs(a - 1) < 1e-9 { a = 1 + 1e-9 }  // removable singularity at a = 1
        let c = a + p.b + x - 1
        let z = t / (p.alpha + age + t)
        // Each series' terms grow until their index passes about its second numerator parameter times z: Euler's
        // form suits the usual a near 1, Gauss's original form a large (a dropout probability shared by nearly all
        // customers), where Euler's terms overflow.
        if a - 1 > p.r + x {
            let logSeries = SpecialFunctions.logHypergeometric2F1(p.r + x, p.b + x, c, z)
            return c / (a - 1) * -expm1((p.r + x) * log1p(-z) + logSeries)
        }
        let series = SpecialFunctions.hypergeometric2F1(a + p.b - 1 - p.r, a - 1, c, z)
        let bracket: Double
        if series > 0 {
            bracket = -expm1((a - 1) * log1p(-z) + log(series))
        } else {
            bracket = 1 - exp((a - 1) * log1p(-z)) * series
        }
        return c / (a - 1) * bracket
    }

    /// E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]  (FHL 2005, eq. 9).
    public func expectedRepeatPurchases(within t: Double) -> Double {
        expectedPurchasesIfAlive(in: t, frequency: 0, age: 0)
    }

    public func purchaseRatePosterior(frequency x: Double, age: Double) -> (shape: Double, rate: Double) {
        (parameters.r + x, parameters.alpha + age)
    }
}
