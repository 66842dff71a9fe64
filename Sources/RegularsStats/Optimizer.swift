/// Unconstrained minimisers for the models' negative log-likelihoods, which are optimised over log-parameters.
///
/// `bfgs` is quasi-Newton BFGS with a strong-Wolfe line search (Nocedal & Wright, algorithms 3.5 and 3.6) and is
/// the method used by default; `nelderMead` is a derivative-free fallback.
enum Optimizer {
    struct Result {
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var iterations: Int
        var converged: Bool

        var gradientNorm: Double { gradient.reduce(0) { max($0, abs($1)) } }
    }

    /// Minimises `objective`, which returns f(x) and writes ∇f(x) into its second argument.
    ///
    /// Converges when the largest gradient component is at most `gradientTolerance`; a step that cannot decrease f
    /// any more (round-off) with a gradient below `sqrt(gradientTolerance)` also counts as converged.
    ///
    /// With `backtracking` (for numerically differentiated objectives) the line search is Armijo backtracking on
    /// `value` alone, and the gradient is evaluated once per iteration at the accepted point.
    static func bfgs(
        start: [Double], gradientTolerance: Double, maxIterations: Int, maxStep: Double = 5,
        backtracking: Bool = false, value: ([Double]) -> Double = { _ in .nan },
        objective: ([Double], inout [Double]) -> Double
    ) -> Result {
        let n = start.count
        var x = start
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var best = Result(point: x, value: f, gradient: g, iterations: 0, converged: false)
        guard f.isFinite, g.allSatisfy(\.isFinite) else { return best }
        var inverseHessian = identity(n)
        var firstStep = true
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            let gNorm = g.reduce(0) { max($0, abs($1)) }
            if gNorm <= gradientTolerance {
                return Result(point: x, value: f, gradient: g, iterations: iteration, converged: true)
            }
            var direction = multiply(inverseHessian, g).map { -$0 }
            var slope = dot(direction, g)
            if !(slope < 0) {
                inverseHessian = identity(n)
                direction = g.map { -$0 }
                slope = dot(direction, g)
            }
            let directionMax = direction.reduce(0) { max($0, abs($1)) }
            let stepCap = maxStep / max(directionMax, 1e-300)
            let initialStep = firstStep ? min(1, 1 / max(gNorm, 1e-300), stepCap) : min(1, stepCap)
            let found: LineSearchPoint?
            if backtracking {
                found = backtrackingSearch(
                    x: x, f0: f, direction: direction, slope: slope, initialStep: initialStep, value: value,
                    objective: objective)
            } else {
                found = lineSearch(
                    x: x, f0: f, g0: g, direction: direction, slope: slope, initialStep: initialStep,
                    maxStep: stepCap, objective: objective)
            }
            guard let step = found else {
                let converged = gNorm <= gradientTolerance.squareRoot()
                return Result(point: x, value: f, gradient: g, iterations: iteration, converged: converged)
            }
            let s = (0..<n).map { step.point[$0] - x[$0] }
            let y = (0..<n).map { step.gradient[$0] - g[$0] }
            let sy = dot(s, y)
            if sy > 1e-300, sy > 1e-12 * (dot(s, s) * dot(y, y)).squareRoot() {
                if firstStep {
                    let scale = sy / dot(y, y)
                    inverseHessian = identity(n).map { $0.map { $0 * scale } }
                }
                inverseHessian = bfgsUpdate(inverseHessian, s: s, y: y, sy: sy)
                firstStep = false
            }
            let decrease = f - step.value
            x = step.point
            f = step.value
            g = step.gradient
            best = Result(point: x, value: f, gradient: g, iterations: iteration, converged: false)
            if decrease <= 1e-16 * max(1, abs(f)), g.reduce(0, { max($0, abs($1)) }) <= gradientTolerance.squareRoot() {
                return Result(point: x, value: f, gradient: g, iterations: iteration, converged: true)
            }
        }
        best.iterations = iteration
        best.converged = g.reduce(0) { max($0, abs($1)) } <= gradientTolerance
        return best
    }

    private struct LineSearchPoint {
        var step: Double
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var slope: Double
    }

    /// Armijo backtracking with safeguarded quadratic interpolation, then one gradient evaluation.
    private static func backtrackingSearch(
        x: [Double], f0: Double, direction: [Double], slope: Double, initialStep: Double,
        value: ([Double]) -> Double, objective: ([Double], inout [Double]) -> Double
    ) -> LineSearchPoint? {
        var step = initialStep
        for _ in 0..<60 {
            let point = (0..<x.count).map { x[$0] + step * direction[$0] }
            let f = value(point)
            if f.isFinite, f <= f0 + 1e-4 * step * slope {
                var gradient = [Double](repeating: 0, count: x.count)
                let checked = objective(point, &gradient)
                guard checked.isFinite, gradient.allSatisfy(\.isFinite) else { return nil }
                return LineSearchPoint(
                    step: step, point: point, value: checked, gradient: gradient, slope: dot(gradient, direction))
            }
            var next = 0.5 * step
            if f.isFinite {
                let denominator = 2 * (f - f0 - slope * step)
                if denominator > 0 { next = -slope * step * step / denominator }
            }
            step = min(max(next, 0.1 * step), 0.5 * step)
        }
        return nil
    }

    private static func lineSearch(
        x: [Double], f0: Double, g0: [Double], direction: [Double], slope: Double, initialStep: Double,
        maxStep: Double, objective: ([Double], inout [Double]) -> Double
    ) -> LineSearchPoint? {
        let c1 = 1e-4
        let c2 = 0.9
        func evaluate(_ step: Double) -> LineSearchPoint {
            let point = (0..<x.count).map { x[$0] + step * direction[$0] }
            var gradient = [Double](repeating: 0, count: x.count)
            var value = objective(point, &gradient)
            if !value.isFinite || !gradient.allSatisfy(\.isFinite) { value = .infinity }
            return LineSearchPoint(
                step: step, point: point, value: value, gradient: gradient, slope: dot(gradient, direction))
        }
        func sufficient(_ p: LineSearchPoint) -> Bool {
            p.value.isFinite && p.value <= f0 + c1 * p.step * slope
        }
        func zoom(_ lowStart: LineSearchPoint, _ highStart: LineSearchPoint) -> LineSearchPoint? {
            var low = lowStart
            var high = highStart
            for _ in 0..<12 {
                let width = high.step - low.step
                var trial = 0.5 * (low.step + high.step)
                if high.value.isFinite {
                    // Minimiser of the quadratic through f(low), f'(low), f(high).
                    let denominator = 2 * (high.value - low.value - low.slope * width)
                    if denominator > 0 {
                        let candidate = low.step - low.slope * width * width / denominator
                        let lo = min(low.step, high.step) + 0.1 * abs(width)
                        let hi = max(low.step, high.step) - 0.1 * abs(width)
                        if candidate.isFinite, lo <= hi { trial = min(max(candidate, lo), hi) }
                    }
                }
                let point = evaluate(trial)
                if !sufficient(point) || point.value >= low.value {
                    high = point
                } else {
                    if abs(point.slope) <= -c2 * slope { return point }
                    if point.slope * (high.step - low.step) >= 0 { high = low }
                    low = point
                }
                if abs(high.step - low.step) <= 1e-16 * max(1, abs(low.step)) { break }
            }
            return low.step > 0 ? low : nil
        }
        let origin = LineSearchPoint(step: 0, point: x, value: f0, gradient: g0, slope: slope)
        var previous = origin
        var step = initialStep
        for iteration in 0..<40 {
            let point = evaluate(step)
            if !sufficient(point) || (iteration > 0 && point.value >= previous.value) {
                return zoom(previous, point)
            }
            if abs(point.slope) <= -c2 * slope { return point }
            if point.slope >= 0 { return zoom(point, previous) }
            previous = point
            if step >= maxStep { return point }
            step = min(2 * step, maxStep)
        }
        return previous.step > 0 ? previous : nil
    }

    private static func bfgsUpdate(_ h: [[Double]], s: [Double], y: [Double], sy: Double) -> [[Double]] {
        let n = s.count
        let rho = 1 / sy
        let hy = multiply(h, y)
        let yhy = dot(y, hy)
        var result = h
        for i in 0..<n {
            for j in 0..<n {
                result[i][j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
            }
        }
        return result
    }

    static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<a.count { sum += a[i] * b[i] }
        return sum
    }

    static func multiply(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { dot($0, v) }
    }
}
