/// BG/NBD parameters (Fader, Hardie & Lee 2005): while alive a customer buys with Poisson rate λ ~ Gamma(r, α)
/// (α in the time unit of the data, weeks here) and after each repeat purchase drops out with probability
/// p ~ Beta(a, b).
public struct BGNBDParameters: Sendable, Hashable, Codable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    var array: [Double] { [r, alpha, a, b] }

    init(_ values: [Double]) {
        self.init(r: values[0], alpha: values[1], a: values[2], b: values[3])
    }
}
