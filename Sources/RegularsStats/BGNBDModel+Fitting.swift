extension BGNBDModel {
    /// Fits BG/NBD by maximum likelihood.
    ///
    /// Starts, like `lifetimes`, from all log-parameters 0.1 with ages rescaled so the largest is 1.
    /// - Throws: `CLVModelError.noRepeatCustomers` when nobody has x > 0, `.noObservationTime` when all T = 0,
    ///   `.didNotConverge` when the optimiser fails.
    public static func fit(_ data: CollapsedSummaries, options: FitOptions = FitOptions()) throws(CLVModelError)
        -> BGNBDModel
    {
        guard data.totalWeight > 0 else { throw .emptyInput }
        guard data.repeatWeight > 0 else { throw .noRepeatCustomers(model: "BG/NBD") }
        let maxAge = data.maxAge
        guard maxAge > 0 else { throw .noObservationTime }
        let likelihood = BGNBDLikelihood(data: data)
        let start = [1.0, 1.0, 1.0, 1.0].map { $0 * 1.1051709180756477 }
        let outcome = try LikelihoodFitter.fit(
            model: "BG/NBD", start: [start[0], start[1] * maxAge, start[2], start[3]],
            scales: [1, 1 / maxAge, 1, 1], totalWeight: data.totalWeight, options: options, analyticGradient: true,
            logLikelihood: likelihood.evaluate)
        return BGNBDModel(
            parameters: BGNBDParameters(outcome.parameters),
            standardErrors: outcome.standardErrors.map(BGNBDParameters.init),
            logLikelihood: outcome.logLikelihood, iterations: outcome.iterations)
    }

    /// Fits BG/NBD to per-customer summaries (identical rows are collapsed first unless the options say otherwise).
    public static func fit(_ summaries: CustomerSummaries, options: FitOptions = FitOptions()) throws(CLVModelError)
        -> BGNBDModel
    {
        try fit(CollapsedSummaries(summaries, collapsing: options.collapsesIdenticalRows), options: options)
    }

    /// Fits BG/NBD to (x, tₓ, T) rows with optional weights (number of customers per row).
    public static func fit(
        frequency: [Double], recency: [Double], age: [Double], weights: [Double]? = nil,
        options: FitOptions = FitOptions()
    ) throws(CLVModelError) -> BGNBDModel {
        try fit(
            CollapsedSummaries(
                frequency: frequency, recency: recency, age: age, weights: weights,
                collapsing: options.collapsesIdenticalRows), options: options)
    }

    /// Total log-likelihood of the data under this model's parameters.
    public func logLikelihood(of data: CollapsedSummaries) -> Double {
        BGNBDLikelihood(data: data).evaluate(parameters.array, gradient: nil)
    }
}
