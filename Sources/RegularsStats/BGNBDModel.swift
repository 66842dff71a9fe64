/// A fitted (or given) BG/NBD model.
public struct BGNBDModel: RepeatPurchaseModel, Sendable, Hashable {
    public var parameters: BGNBDParameters
    /// Standard errors on the natural parameter scale, from the inverse Hessian of the negative log-likelihood at the
    /// optimum; `nil` when not computed or the Hessian is not positive definite.
    public var standardErrors: BGNBDParameters?
    /// Maximised log-likelihood (time in the data's unit, weeks), `nil` for a model built from given parameters.
    public var logLikelihood: Double?
    /// Optimiser iterations used.
    public var iterations: Int

    public init(
        parameters: BGNBDParameters, standardErrors: BGNBDParameters? = nil, logLikelihood: Double? = nil,
        iterations: Int = 0
    ) {
        self.parameters = parameters
        self.standardErrors = standardErrors
        self.logLikelihood = logLikelihood
        self.iterations = iterations
    }
}
