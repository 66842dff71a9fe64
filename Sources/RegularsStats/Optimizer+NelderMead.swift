extension Optimizer {
    /// Nelder–Mead simplex minimisation (standard reflection/expansion/contraction/shrink coefficients).
    static func nelderMead(
        start: [Double], initialStep: Double = 0.5, tolerance: Double = 1e-12, maxIterations: Int = 5_000,
        objective: ([Double]) -> Double
    ) -> (point: [Double], value: Double) {
        let n = start.count
        func value(_ x: [Double]) -> Double {
            let f = objective(x)
            return f.isFinite ? f : .infinity
        }
        var simplex = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += initialStep
            simplex.append(vertex)
        }
        var values = simplex.map(value)
        for _ in 0..<maxIterations {
            let order = (0...n).sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) <= tolerance * (abs(values[0]) + 1e-300), values[n].isFinite { break }
            var centroid = [Double](repeating: 0, count: n)
            for vertex in simplex.dropLast() {
                for j in 0..<n { centroid[j] += vertex[j] / Double(n) }
            }
            func along(_ coefficient: Double) -> [Double] {
                (0..<n).map { centroid[$0] + coefficient * (simplex[n][$0] - centroid[$0]) }
            }
            let reflected = along(-1)
            let reflectedValue = value(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = value(expanded)
                if expandedValue < reflectedValue {
                    simplex[n] = expanded
                    values[n] = expandedValue
                } else {
                    simplex[n] = reflected
                    values[n] = reflectedValue
                }
            } else if reflectedValue < values[n - 1] {
                simplex[n] = reflected
                values[n] = reflectedValue
            } else {
                let contracted = reflectedValue < values[n] ? along(-0.5) : along(0.5)
                let contractedValue = value(contracted)
                if contractedValue < min(reflectedValue, values[n]) {
                    simplex[n] = contracted
                    values[n] = contractedValue
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = value(simplex[i])
                    }
                }
            }
        }
        let bestIndex = (0...n).min { values[$0] < values[$1] } ?? 0
        return (simplex[bestIndex], values[bestIndex])
    }
}
