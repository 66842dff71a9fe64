/// Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987): while alive a customer buys with Poisson rate
/// λ ~ Gamma(r, α); lifetimes are exponential with death rate μ ~ Gamma(s, β). α and β are in the data's time unit.
public struct ParetoNBDParameters: Sendable, Hashable, Codable {
    public var r: Double
    public var alpha: Double
    public var s: Double
    public var beta: Double

    public init(r: Double, alpha: Double, s: Double, beta: Double) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
    }

    var array: [Double] { [r, alpha, s, beta] }

    init(_ values: [Double]) {
        self.init(r: values[0], alpha: values[1], s: values[2], beta: values[3])
    }
}
