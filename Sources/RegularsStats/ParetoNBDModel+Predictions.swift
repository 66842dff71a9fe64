#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension ParetoNBDModel {
    /// P(alive | x, tₓ, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)ˢ A₀)  (Fader & Hardie 2005 note, eq. 18).
    public func probabilityAlive(frequency x: Double, recency: Double, age: Double) -> Double {
        let p = parameters
        let logOdds =
            log(p.s) - log(p.r + p.s + x) + (p.r + x) * log(p.alpha + age) + p.s * log(p.beta + age)
            + ParetoNBDLikelihood.logA0(p, x: x, recency: recency, age: age)
        return 1 / (1 + exp(logOdds))
    }

    /// (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]  (the conditional expectation without P(alive)).
    public func expectedPurchasesIfAlive(in t: Double, frequency x: Double, age: Double) -> Double {
        guard t > 0 else { return 0 }
        let p = parameters
        return (p.r + x) / (p.alpha + age) * (p.beta + age)
            * Self.lifetimeFactor(s: p.s, ratio: (p.beta + age) / (p.beta + age + t))
    }

    /// E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)].
    public func expectedRepeatPurchases(within t: Double) -> Double {
        guard t > 0 else { return 0 }
        let p = parameters
        return p.r / p.alpha * p.beta * Self.lifetimeFactor(s: p.s, ratio: p.beta / (p.beta + t))
    }

    public func purchaseRatePosterior(frequency x: Double, age: Double) -> (shape: Double, rate: Double) {
        (parameters.r + x, parameters.alpha + age)
    }

    /// (1 − uˢ⁻¹)/(s − 1), continuous at s = 1 where it is −ln u.
    private static func lifetimeFactor(s: Double, ratio u: Double) -> Double {
        let logU = log(u)
        if abs(s - 1) < 1e-12 { return -logU }
        return -expm1((s - 1) * logU) / (s - 1)
    }
}
