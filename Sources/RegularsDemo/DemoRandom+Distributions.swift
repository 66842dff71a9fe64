extension DemoRandom {
    /// Exponential variate with the given rate (mean `1 / rate`).
    mutating func exponential(rate: Double) -> Double {
        -DemoMath.log(openUnit()) / rate
    }

    /// Standard normal variate (Marsaglia polar method; uses only `log` and `sqrt`).
    mutating func normal() -> Double {
        while true {
            let x = 2 * unit() - 1
            let y = 2 * unit() - 1
            let s = x * x + y * y
            if s > 0 && s < 1 {
                return x * (-2 * DemoMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Gamma variate with the given shape and scale (mean `shape * scale`), Marsaglia–Tsang.
    mutating func gamma(shape: Double, scale: Double) -> Double {
        if shape < 1 {
            let boosted = gamma(shape: shape + 1, scale: scale)
            return boosted * DemoMath.pow(openUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = openUnit()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v * scale }
            if DemoMath.log(u) < 0.5 * x2 + d * (1 - v + DemoMath.log(v)) { return d * v * scale }
        }
    }

    /// Beta variate as the ratio of two gamma variates.
    mutating func beta(_ alpha: Double, _ beta: Double) -> Double {
        let x = gamma(shape: alpha, scale: 1)
        let y = gamma(shape: beta, scale: 1)
        return x / (x + y)
    }

    /// Log-normal variate: `exp(mu + sigma * N(0, 1))`.
    mutating func logNormal(mu: Double, sigma: Double) -> Double {
        DemoMath.exp(mu + sigma * normal())
    }

    /// Poisson variate (Knuth's product method, split into chunks so large means stay accurate).
    mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        var remaining = mean
        var count = 0
        while remaining > 0 {
            let chunk = min(remaining, 20)
            remaining -= chunk
            let limit = DemoMath.exp(-chunk)
            var product = unit()
            while product >= limit {
                count += 1
                product *= unit()
            }
        }
        return count
    }
}
