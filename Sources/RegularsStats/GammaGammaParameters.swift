/// Gamma-Gamma spend parameters (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie note 025): transaction
/// values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so a customer's mean spend is p/ν.
public struct GammaGammaParameters: Sendable, Hashable, Codable {
    public var p: Double
    public var q: Double
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    var array: [Double] { [p, q, gamma] }

    init(_ values: [Double]) {
        self.init(p: values[0], q: values[1], gamma: values[2])
    }
}
