#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Samplers used by the synthetic data generator.
extension RandomNumberGenerator {
    /// Uniform on the open interval (0, 1), from the top 53 bits.
    @inline(__always)
    public mutating func nextUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Exponential with the given rate (mean 1/rate), by inversion.
    public mutating func nextExponential(rate: Double) -> Double {
        -log(nextUnitInterval()) / rate
    }

    /// Standard normal (Marsaglia polar method).
    public mutating func nextStandardNormal() -> Double {
        while true {
            let u = 2 * nextUnitInterval() - 1
            let v = 2 * nextUnitInterval() - 1
            let s = u * u + v * v
            if s > 0, s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Gamma(shape, rate), mean shape/rate (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)).
    public mutating func nextGamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            let boost = pow(nextUnitInterval(), 1 / shape)
            return nextGamma(shape: shape + 1, rate: rate) * boost
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = nextStandardNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextUnitInterval()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) {
                return d * v / rate
            }
        }
    }

    /// Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
    public mutating func nextBeta(_ a: Double, _ b: Double) -> Double {
        let x = nextGamma(shape: a, rate: 1)
        let y = nextGamma(shape: b, rate: 1)
        return x + y > 0 ? x / (x + y) : (nextUnitInterval() < a / (a + b) ? 1 : 0)
    }

    /// Poisson(mean): multiplication method for small means, normal approximation with continuity correction above
    /// 500 (only used for summaries of large counts).
    public mutating func nextPoisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 500 {
            return max(0, Int((mean + mean.squareRoot() * nextStandardNormal() + 0.5).rounded(.down)))
        }
        let limit = exp(-mean)
        var product = nextUnitInterval()
        var count = 0
        while product > limit {
            product *= nextUnitInterval()
            count += 1
        }
        return count
    }
}
