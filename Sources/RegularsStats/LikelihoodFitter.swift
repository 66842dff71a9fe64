#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shared maximum-likelihood driver: optimises over log-parameters, falls back to Nelder–Mead when BFGS stalls, and
/// derives standard errors from the Hessian of the negative log-likelihood at the optimum.
enum LikelihoodFitter {
    struct Outcome {
        var parameters: [Double]
        var standardErrors: [Double]?
        var logLikelihood: Double
        var iterations: Int
    }

    /// - Parameters:
    ///   - scales: the optimiser works on φ = ln(θ · scale) (time-rescaled rate parameters as in `lifetimes`);
    ///     the penalty applies to θ · scale.
    ///   - logLikelihood: total log-likelihood at natural parameters θ; when the pointer is non-nil and
    ///     `analyticGradient` is true it must also write ∂ln L/∂θ there.
    static func fit(
        model: String, start: [Double], scales: [Double], totalWeight: Double, options: FitOptions,
        analyticGradient: Bool, logLikelihood: ([Double], UnsafeMutablePointer<Double>?) -> Double
    ) throws(CLVModelError) -> Outcome {
        let n = start.count
        func natural(_ phi: [Double]) -> [Double] {
            (0..<n).map { exp(phi[$0]) / scales[$0] }
        }
        func penalty(_ phi: [Double]) -> Double {
            options.penalty == 0 ? 0 : options.penalty * phi.reduce(0) { $0 + exp(2 * $1) }
        }
        func value(_ phi: [Double]) -> Double {
            let ll = logLikelihood(natural(phi), nil)
            let f = -ll / totalWeight + penalty(phi)
            return f.isFinite ? f : .infinity
        }
        func valueAndGradient(_ phi: [Double], _ gradient: inout [Double]) -> Double {
            if analyticGradient {
                let theta = natural(phi)
                var g = [Double](repeating: 0, count: n)
                let ll = g.withUnsafeMutableBufferPointer { logLikelihood(theta, $0.baseAddress) }
                for i in 0..<n {
                    gradient[i] = -theta[i] * g[i] / totalWeight + 2 * options.penalty * exp(2 * phi[i])
                }
                let f = -ll / totalWeight + penalty(phi)
                return f.isFinite ? f : .infinity
            }
            gradient = Optimizer.centralGradient(phi, step: 1e-5, objective: value)
            return value(phi)
        }
        let start = (0..<n).map { log(start[$0] * scales[$0]) }
        let tolerance = analyticGradient ? options.gradientTolerance : max(options.gradientTolerance, 1e-9)
        var result = Optimizer.bfgs(
            start: start, gradientTolerance: tolerance, maxIterations: options.maxIterations,
            backtracking: !analyticGradient, value: value, objective: valueAndGradient)
        var iterations = result.iterations
        if !result.converged {
            let simplex = Optimizer.nelderMead(start: result.value.isFinite ? result.point : start, objective: value)
            result = Optimizer.bfgs(
                start: simplex.point, gradientTolerance: tolerance, maxIterations: options.maxIterations,
                backtracking: !analyticGradient, value: value, objective: valueAndGradient)
            iterations += result.iterations
        }
        guard result.converged, result.value.isFinite else {
            throw .didNotConverge(model: model, iterations: iterations, gradientNorm: result.gradientNorm)
        }
        let theta = natural(result.point)
        let ll = logLikelihood(theta, nil)
        var standardErrors: [Double]? = nil
        if options.computesStandardErrors {
            // Hessian of the total negative log-likelihood with respect to φ, then converted to θ.
            func negativeLL(_ phi: [Double]) -> Double { -logLikelihood(natural(phi), nil) }
            func negativeLLGradient(_ phi: [Double]) -> [Double] {
                let t = natural(phi)
                var g = [Double](repeating: 0, count: n)
                _ = g.withUnsafeMutableBufferPointer { logLikelihood(t, $0.baseAddress) }
                return (0..<n).map { -t[$0] * g[$0] }
            }
            let logHessian: [[Double]]
            let logGradient: [Double]
            if analyticGradient {
                logHessian = Optimizer.hessianFromGradient(result.point, step: 1e-4, gradient: negativeLLGradient)
                logGradient = negativeLLGradient(result.point)
            } else {
                logHessian = Optimizer.hessianFromValues(result.point, step: 1e-3, objective: negativeLL)
                logGradient = Optimizer.numericGradient(result.point, objective: negativeLL)
            }
            let hessian = Optimizer.naturalScaleHessian(
                logHessian: logHessian, logGradient: logGradient, parameters: theta)
            standardErrors = Optimizer.standardErrors(fromHessian: hessian)
        }
        return Outcome(parameters: theta, standardErrors: standardErrors, logLikelihood: ll, iterations: iterations)
    }
}
