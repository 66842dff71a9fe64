/// The fitted models of a customer base, for the CLI to print. Its JSON encoding is
///
/// ```json
/// {"customers": N, "repeat_customers": N,
///  "bgnbd": {"params": {"r", "alpha", "a", "b"}, "std_errors": {…same keys}, "log_likelihood": …},
///  "pareto_nbd": {"params": {"r", "alpha", "s", "beta"}, "std_errors": {…}, "log_likelihood": …},
///  "gamma_gamma": {"params": {"p", "q", "gamma"}, "std_errors": {…}, "log_likelihood": …}}
/// ```
///
/// A model that was not fitted is encoded as `null`.
public struct CLVFitReport: Sendable, Hashable, Codable {
    public var customers: Int
    public var repeatCustomers: Int
    public var bgnbd: ModelFitSection<BGNBDParameters>?
    public var paretoNBD: ModelFitSection<ParetoNBDParameters>?
    public var gammaGamma: ModelFitSection<GammaGammaParameters>?

    enum CodingKeys: String, CodingKey {
        case customers
        case repeatCustomers = "repeat_customers"
        case bgnbd
        case paretoNBD = "pareto_nbd"
        case gammaGamma = "gamma_gamma"
    }

    public init(
        customers: Int, repeatCustomers: Int, bgnbd: BGNBDModel?, paretoNBD: ParetoNBDModel?,
        gammaGamma: GammaGammaModel?
    ) {
        self.customers = customers
        self.repeatCustomers = repeatCustomers
        self.bgnbd = bgnbd.map {
            ModelFitSection(
                params: $0.parameters, stdErrors: $0.standardErrors, logLikelihood: $0.logLikelihood ?? .nan)
        }
        self.paretoNBD = paretoNBD.map {
            ModelFitSection(
                params: $0.parameters, stdErrors: $0.standardErrors, logLikelihood: $0.logLikelihood ?? .nan)
        }
        self.gammaGamma = gammaGamma.map {
            ModelFitSection(
                params: $0.parameters, stdErrors: $0.standardErrors, logLikelihood: $0.logLikelihood ?? .nan)
        }
    }

    /// Fits BG/NBD, Pareto/NBD (unless `includesParetoNBD` is false: it is the slowest of the three) and
    /// Gamma-Gamma to the summaries.
    public static func fit(
        _ summaries: CustomerSummaries, includesParetoNBD: Bool = true, options: FitOptions = FitOptions()
    ) throws(CLVModelError) -> CLVFitReport {
        let rows = try CollapsedSummaries(summaries, collapsing: options.collapsesIdenticalRows)
        let bgnbd = try BGNBDModel.fit(rows, options: options)
        let pareto = includesParetoNBD ? try ParetoNBDModel.fit(rows, options: options) : nil
        let gammaGamma = try GammaGammaModel.fit(summaries, options: options)
        return CLVFitReport(
            customers: summaries.count, repeatCustomers: summaries.repeatCustomerCount, bgnbd: bgnbd,
            paretoNBD: pareto, gammaGamma: gammaGamma)
    }

    /// The same for compact summaries (large customer bases).
    public static func fit(
        _ summaries: CompactCustomerSummaries, includesParetoNBD: Bool = true, options: FitOptions = FitOptions()
    ) throws(CLVModelError) -> CLVFitReport {
        let bgnbd = try BGNBDModel.fit(summaries.rows, options: options)
        let pareto = includesParetoNBD ? try ParetoNBDModel.fit(summaries.rows, options: options) : nil
        let gammaGamma = try GammaGammaModel.fit(summaries, options: options)
        return CLVFitReport(
            customers: summaries.count, repeatCustomers: summaries.repeatCustomerCount, bgnbd: bgnbd,
            paretoNBD: pareto, gammaGamma: gammaGamma)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customers, forKey: .customers)
        try container.encode(repeatCustomers, forKey: .repeatCustomers)
        try container.encode(bgnbd, forKey: .bgnbd)
        try container.encode(paretoNBD, forKey: .paretoNBD)
        try container.encode(gammaGamma, forKey: .gammaGamma)
    }
}
