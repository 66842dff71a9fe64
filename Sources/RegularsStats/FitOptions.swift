/// Options for maximum-likelihood fitting.
public struct FitOptions: Sendable, Hashable {
    /// L2 penalty λ added to the mean negative log-likelihood as λ Σ θ², as in `lifetimes` (`penalizer_coef`).
    /// For BG/NBD and Pareto/NBD the penalty applies to the parameters of the time-rescaled problem (ages divided by
    /// the largest age, as `lifetimes` does), so fits agree with `lifetimes` for any λ. Default 0 (plain MLE).
    public var penalty: Double
    /// Convergence tolerance on the largest component of the gradient of the mean negative log-likelihood with
    /// respect to the log-parameters.
    public var gradientTolerance: Double
    /// Iteration limit for BFGS.
    public var maxIterations: Int
    /// Collapse identical (x, tₓ, T) rows into weights before fitting (results are identical; much faster).
    public var collapsesIdenticalRows: Bool
    /// Compute standard errors from the Hessian at the optimum.
    public var computesStandardErrors: Bool

    public init(
        penalty: Double = 0, gradientTolerance: Double = 1e-9, maxIterations: Int = 500,
        collapsesIdenticalRows: Bool = true, computesStandardErrors: Bool = true
    ) {
        self.penalty = penalty
        self.gradientTolerance = gradientTolerance
        self.maxIterations = maxIterations
        self.collapsesIdenticalRows = collapsesIdenticalRows
        self.computesStandardErrors = computesStandardErrors
    }
}
