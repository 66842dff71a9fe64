#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Special functions used by the likelihoods: log-gamma, digamma, log-sum-exp and the Gaussian hypergeometric
/// function 2F1 in the forms the BG/NBD and Pareto/NBD models need.
enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    @inline(__always)
    static func logGamma(_ x: Double) -> Double {
        lgamma(x)
    }

    /// ψ(x) = d/dx ln Γ(x) for x > 0: upward recurrence to x ≥ 10, then the asymptotic series to x⁻¹².
    static func digamma(_ value: Double) -> Double {
        var x = value
        var result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let f = 1 / (x * x)
        let series =
            f
            * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 + f * (-1.0 / 132 + f * 691.0 / 32760)))))
        return result + log(x) - 0.5 / x + series
    }

    /// ln(eˣ + eʸ) without overflow.
    @inline(__always)
    static func logAddExp(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity { return y }
        if y == -.infinity { return x }
        return x >= y ? x + log1p(exp(y - x)) : y + log1p(exp(x - y))
    }

    /// Gauss's series for 2F1(a, b; c; z), |z| < 1, c not a non-positive integer.
    ///
    /// Summation stops when a term is below 1e-16 of the running sum once past the index where the Pochhammer
    /// factors can change sign; at most `maxTerms` terms are used.
    static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double, maxTerms: Int = 1_000_000)
        -> Double
    {
        if z == 0 { return 1 }
        var term = 1.0
        var sum = 1.0
        let settled = max(0, -a, -b, -c) + 2
        var n = 0.0
        for _ in 0..<maxTerms {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            if term == 0 || (n > settled && abs(term) <= 1e-16 * abs(sum)) { break }
            n += 1
        }
        return sum
    }

    /// ln 2F1(a, b; c; z) by Gauss's series for a, b, c > 0 and 0 ≤ z < 1, whose terms are then all positive: the sum
    /// is rescaled whenever it grows large, so it stays finite where the terms themselves would overflow.
    static func logHypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double, maxTerms: Int = 1_000_000)
        -> Double
    {
        if z == 0 { return 0 }
        let scale = 0x1p-600
        var logScale = 0.0
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        for _ in 0..<maxTerms {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            if term <= 1e-17 * sum { break }
            if sum > 0x1p600 {
                term *= scale
                sum *= scale
                logScale += 600 * M_LN2
            }
            n += 1
        }
        return log(sum) + logScale
    }

    /// ln 2F1(a, b; a + 1; z) for 0 ≤ z < 1, a > 0 and a + 1 − b > 0 — the form in the Pareto/NBD likelihood.
    ///
    /// Uses Euler's transformation 2F1(a, b; c; z) = (1 − z)^(c − a − b) 2F1(c − a, c − b; c; z), which for c = a + 1
    /// gives (1 − z)^(1 − b) Σₙ (a + 1 − b)ₙ / (a + 1)ₙ zⁿ: a series of positive terms whose ratio is below z, so it
    /// converges monotonically without the growth of the untransformed series when b is large.
    static func logHypergeometricUnitShift(a: Double, b: Double, z: Double, maxTerms: Int = 2_000_000) -> Double {
        if z == 0 { return 0 }
        let numeratorBase = a + 1 - b
        let denominatorBase = a + 1
        guard numeratorBase > 0 else {
            return log(hypergeometric2F1(a, b, a + 1, z, maxTerms: maxTerms))
        }
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        for _ in 0..<maxTerms {
            term *= (numeratorBase + n) / (denominatorBase + n) * z
            sum += term
            if term <= 1e-17 * sum { break }
            n += 1
        }
        return (1 - b) * log1p(-z) + log(sum)
    }
}
