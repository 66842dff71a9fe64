extension GammaGammaModel {
    /// Fits Gamma-Gamma by maximum likelihood on the customers with x ≥ 1 and a positive mean repeat value
    /// (others are ignored), starting like `lifetimes` from all log-parameters 0.1.
    ///
    /// The spend unit of `monetaryValue` (e.g. dollars) is the unit of γ and of every spend prediction.
    /// - Throws: `CLVModelError.noRepeatCustomers` when fewer than two customers qualify.
    public static func fit(
        frequency: [Double], monetaryValue: [Double], weights: [Double]? = nil, options: FitOptions = FitOptions()
    ) throws(CLVModelError) -> GammaGammaModel {
        guard frequency.count == monetaryValue.count, weights == nil || weights!.count == frequency.count else {
            throw .mismatchedLengths
        }
        guard !frequency.isEmpty else { throw .emptyInput }
        return try fit(
            GammaGammaLikelihood(frequency: frequency, monetaryValue: monetaryValue, weights: weights), options: options
        )
    }

    /// Fits Gamma-Gamma to the summaries' repeat customers (x ≥ 1 and positive mean repeat value).
    public static func fit(_ summaries: CompactCustomerSummaries, options: FitOptions = FitOptions())
        throws(CLVModelError) -> GammaGammaModel
    {
        let rows = summaries.rows
        return try fit(
            GammaGammaLikelihood(
                count: summaries.count, frequency: { rows.frequency[Int(rows.rowOfInput[$0])] },
                monetaryValue: { summaries.monetaryValue[$0] }, weight: { _ in 1 }), options: options)
    }

    private static func fit(_ likelihood: GammaGammaLikelihood, options: FitOptions) throws(CLVModelError)
        -> GammaGammaModel
    {
        guard likelihood.totalWeight >= 2 else { throw .noRepeatCustomers(model: "Gamma-Gamma") }
        let start = 1.1051709180756477
        let outcome = try LikelihoodFitter.fit(
            model: "Gamma-Gamma", start: [start, start, start], scales: [1, 1, 1], totalWeight: likelihood.totalWeight,
            options: options, analyticGradient: true, logLikelihood: likelihood.evaluate)
        return GammaGammaModel(
            parameters: GammaGammaParameters(outcome.parameters),
            standardErrors: outcome.standardErrors.map(GammaGammaParameters.init),
            logLikelihood: outcome.logLikelihood, iterations: outcome.iterations, customers: likelihood.totalWeight)
    }

    /// Fits Gamma-Gamma to the summaries' repeat customers (x ≥ 1 and positive mean repeat value).
    public static func fit(_ summaries: CustomerSummaries, options: FitOptions = FitOptions()) throws(CLVModelError)
        -> GammaGammaModel
    {
        try fit(frequency: summaries.frequency, monetaryValue: summaries.monetaryValue, options: options)
    }
}
