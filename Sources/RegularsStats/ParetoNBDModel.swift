/// A fitted (or given) Pareto/NBD model.
public struct ParetoNBDModel: RepeatPurchaseModel, Sendable, Hashable {
    public var parameters: ParetoNBDParameters
    /// Standard errors on the natural parameter scale (inverse Hessian of the negative log-likelihood).
    public var standardErrors: ParetoNBDParameters?
    public var logLikelihood: Double?
    public var iterations: Int

    public init(
        parameters: ParetoNBDParameters, standardErrors: ParetoNBDParameters? = nil, logLikelihood: Double? = nil,
        iterations: Int = 0
    ) {
        self.parameters = parameters
        self.standardErrors = standardErrors
        self.logLikelihood = logLikelihood
        self.iterations = iterations
    }
}
