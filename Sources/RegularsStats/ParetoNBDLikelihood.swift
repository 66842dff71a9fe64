#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Pareto/NBD log-likelihood in the formulation of Fader & Hardie, "A Note on Deriving the Pareto/NBD Model and
/// Related Expressions" (2005), eq. (22):
///
/// L = Γ(r+x) αʳ βˢ / Γ(r) · { 1 / ((α+T)^(r+x) (β+T)ˢ) + s/(r+s+x) · A₀ }
///
/// with, for α ≥ β,
///   A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+tₓ)) / (α+tₓ)^(r+s+x) − ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+T)) / (α+T)^(r+s+x)
/// and, for α < β,
///   A₀ = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+tₓ)) / (β+tₓ)^(r+s+x) − ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+T)) / (β+T)^(r+s+x).
///
/// The max(α, β) branch keeps the argument of ₂F₁ in [0, 1); the function is evaluated in logs by
/// `SpecialFunctions.logHypergeometricUnitShift` and the difference in A₀ as ln A₀ = L₁ + ln(−expm1(L₂ − L₁)).
struct ParetoNBDLikelihood {
    let data: CollapsedSummaries

    func rowLogLikelihood(_ p: ParetoNBDParameters, x: Double, recency: Double, age: Double) -> Double {
        let constant =
            SpecialFunctions.logGamma(p.r + x) - SpecialFunctions.logGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta)
        return constant + Self.logBracket(p, x: x, recency: recency, age: age)
    }

    /// ln{ 1/((α+T)^(r+x)(β+T)ˢ) + s/(r+s+x) A₀ }.
    static func logBracket(_ p: ParetoNBDParameters, x: Double, recency: Double, age: Double) -> Double {
        let first = -(p.r + x) * log(p.alpha + age) - p.s * log(p.beta + age)
        let second = log(p.s) + logA0(p, x: x, recency: recency, age: age) - log(p.r + p.s + x)
        return SpecialFunctions.logAddExp(first, second)
    }

    static func logA0(_ p: ParetoNBDParameters, x: Double, recency: Double, age: Double) -> Double {
        let larger = max(p.alpha, p.beta)
        let difference = abs(p.alpha - p.beta)
        let a = p.r + p.s + x
        let b = p.alpha >= p.beta ? p.s + 1 : p.r + x
        let atRecency =
            SpecialFunctions.logHypergeometricUnitShift(a: a, b: b, z: difference / (larger + recency))
            - a * log(larger + recency)
        let atAge =
            SpecialFunctions.logHypergeometricUnitShift(a: a, b: b, z: difference / (larger + age))
            - a * log(larger + age)
        guard atAge < atRecency else { return -.infinity }
        return atRecency + log(-expm1(atAge - atRecency))
    }

    func evaluate(_ parameters: [Double], gradient: UnsafeMutablePointer<Double>?) -> Double {
        let p = ParetoNBDParameters(parameters)
        guard p.array.allSatisfy({ $0 > 0 && $0.isFinite }) else { return -.infinity }
        var total = 0.0
        var constantPerX: [Double: Double] = [:]
        let base = -SpecialFunctions.logGamma(p.r) + p.r * log(p.alpha) + p.s * log(p.beta)
        for row in 0..<data.rowCount {
            let x = data.frequency[row]
            let constant: Double
            if let known = constantPerX[x] {
                constant = known
            } else {
                constant = SpecialFunctions.logGamma(p.r + x) + base
                constantPerX[x] = constant
            }
            total +=
                data.weight[row]
                * (constant + Self.logBracket(p, x: x, recency: data.recency[row], age: data.age[row]))
        }
        return total
    }
}
