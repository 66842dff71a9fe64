/// A fitted (or given) Gamma-Gamma model of the mean value of a customer's transactions.
public struct GammaGammaModel: Sendable, Hashable {
    public var parameters: GammaGammaParameters
    /// Standard errors on the natural parameter scale (inverse Hessian of the negative log-likelihood).
    public var standardErrors: GammaGammaParameters?
    public var logLikelihood: Double?
    public var iterations: Int
    /// Number of customers (total weight) the model was fitted on.
    public var customers: Double

    public init(
        parameters: GammaGammaParameters, standardErrors: GammaGammaParameters? = nil, logLikelihood: Double? = nil,
        iterations: Int = 0, customers: Double = 0
    ) {
        self.parameters = parameters
        self.standardErrors = standardErrors
        self.logLikelihood = logLikelihood
        self.iterations = iterations
        self.customers = customers
    }

    /// E[M | p, q, γ, x, m̄] = p(γ + x m̄) / (p x + q − 1): the expected value of the customer's future transactions
    /// (a weighted average of the population mean pγ/(q − 1) and the customer's observed mean m̄). With x = 0 it is
    /// the population mean (infinite unless q > 1).
    public func expectedAverageSpend(frequency x: Double, monetaryValue: Double) -> Double {
        let p = parameters
        return p.p * (p.gamma + x * monetaryValue) / (p.p * x + p.q - 1)
    }
}
