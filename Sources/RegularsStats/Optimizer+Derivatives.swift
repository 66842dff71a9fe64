extension Optimizer {
    /// Fourth-order central-difference gradient: (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h.
    static func numericGradient(_ x: [Double], step: Double = 1e-3, objective: ([Double]) -> Double) -> [Double] {
        (0..<x.count).map { i in
            var point = x
            func at(_ offset: Double) -> Double {
                point[i] = x[i] + offset
                return objective(point)
            }
            return (-at(2 * step) + 8 * at(step) - 8 * at(-step) + at(-2 * step)) / (12 * step)
        }
    }

    /// Second-order central-difference gradient: (f(x+h) − f(x−h)) / 2h.
    static func centralGradient(_ x: [Double], step: Double = 1e-5, objective: ([Double]) -> Double) -> [Double] {
        (0..<x.count).map { i in
            var point = x
            point[i] = x[i] + step
            let plus = objective(point)
            point[i] = x[i] - step
            return (plus - objective(point)) / (2 * step)
        }
    }

    /// Hessian by central differences of an analytic gradient, symmetrised.
    static func hessianFromGradient(
        _ x: [Double], step: Double = 1e-5, gradient: ([Double]) -> [Double]
    ) -> [[Double]] {
        let n = x.count
        var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var plus = x
            var minus = x
            plus[j] += step
            minus[j] -= step
            let gPlus = gradient(plus)
            let gMinus = gradient(minus)
            for i in 0..<n { h[i][j] = (gPlus[i] - gMinus[i]) / (2 * step) }
        }
        return symmetrised(h)
    }

    /// Hessian by central second differences of the function values.
    static func hessianFromValues(_ x: [Double], step: Double = 1e-4, objective: ([Double]) -> Double) -> [[Double]] {
        let n = x.count
        var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        let f0 = objective(x)
        func at(_ i: Int, _ di: Double, _ j: Int, _ dj: Double) -> Double {
            var point = x
            point[i] += di
            point[j] += dj
            return objective(point)
        }
        for i in 0..<n {
            h[i][i] = (at(i, step, i, step) - 2 * f0 + at(i, -step, i, -step)) / (4 * step * step)
            for j in 0..<i {
                let value =
                    (at(i, step, j, step) - at(i, step, j, -step) - at(i, -step, j, step) + at(i, -step, j, -step))
                    / (4 * step * step)
                h[i][j] = value
                h[j][i] = value
            }
        }
        return h
    }

    /// Converts a Hessian and gradient taken with respect to φ = ln θ into the Hessian with respect to θ:
    /// ∂²f/∂θᵢ∂θⱼ = (∂²f/∂φᵢ∂φⱼ − δᵢⱼ ∂f/∂φᵢ) / (θᵢθⱼ).
    static func naturalScaleHessian(logHessian: [[Double]], logGradient: [Double], parameters: [Double]) -> [[Double]] {
        let n = parameters.count
        var h = logHessian
        for i in 0..<n {
            for j in 0..<n {
                h[i][j] = (logHessian[i][j] - (i == j ? logGradient[i] : 0)) / (parameters[i] * parameters[j])
            }
        }
        return h
    }

    /// Square roots of the diagonal of the inverse of a positive-definite matrix, or `nil` when it is not positive
    /// definite (Cholesky factorisation fails).
    static func standardErrors(fromHessian h: [[Double]]) -> [Double]? {
        let n = h.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = h[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        // Inverse of L, then diag((L⁻¹)ᵀ L⁻¹).
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            inverse[i][i] = 1 / l[i][i]
            for j in 0..<i {
                var sum = 0.0
                for k in j..<i { sum -= l[i][k] * inverse[k][j] }
                inverse[i][j] = sum / l[i][i]
            }
        }
        var errors = [Double](repeating: 0, count: n)
        for j in 0..<n {
            var sum = 0.0
            for i in j..<n { sum += inverse[i][j] * inverse[i][j] }
            errors[j] = sum.squareRoot()
        }
        return errors.allSatisfy(\.isFinite) ? errors : nil
    }

    private static func symmetrised(_ h: [[Double]]) -> [[Double]] {
        var result = h
        for i in 0..<h.count {
            for j in 0..<h.count { result[i][j] = 0.5 * (h[i][j] + h[j][i]) }
        }
        return result
    }
}
