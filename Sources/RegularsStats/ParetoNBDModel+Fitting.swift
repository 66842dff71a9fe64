extension ParetoNBDModel {
    /// Fits Pareto/NBD by maximum likelihood (BFGS on log-parameters with a fourth-order numerical gradient, ages
    /// rescaled so the largest is 1 and all log-parameters starting at 0.1, as in `lifetimes`).
    /// - Throws: `CLVModelError.noRepeatCustomers`, `.noObservationTime`, `.didNotConverge`.
    public static func fit(_ data: CollapsedSummaries, options: FitOptions = FitOptions()) throws(CLVModelError)
        -> ParetoNBDModel
    {
        guard data.totalWeight > 0 else { throw .emptyInput }
        guard data.repeatWeight > 0 else { throw .noRepeatCustomers(model: "Pareto/NBD") }
        let maxAge = data.maxAge
        guard maxAge > 0 else { throw .noObservationTime }
        let likelihood = ParetoNBDLikelihood(data: data)
        let start = 1.1051709180756477
        let outcome = try LikelihoodFitter.fit(
            model: "Pareto/NBD", start: [start, start * maxAge, start, start * maxAge],
            scales: [1, 1 / maxAge, 1, 1 / maxAge], totalWeight: data.totalWeight, options: options,
            analyticGradient: false, logLikelihood: likelihood.evaluate)
        return ParetoNBDModel(
            parameters: ParetoNBDParameters(outcome.parameters),
            standardErrors: outcome.standardErrors.map(ParetoNBDParameters.init),
            logLikelihood: outcome.logLikelihood, iterations: outcome.iterations)
    }

    public static func fit(_ summaries: CustomerSummaries, options: FitOptions = FitOptions()) throws(CLVModelError)
        -> ParetoNBDModel
    {
        try fit(CollapsedSummaries(summaries, collapsing: options.collapsesIdenticalRows), options: options)
    }

    public static func fit(
        frequency: [Double], recency: [Double], age: [Double], weights: [Double]? = nil,
        options: FitOptions = FitOptions()
    ) throws(CLVModelError) -> ParetoNBDModel {
        try fit(
            CollapsedSummaries(
                frequency: frequency, recency: recency, age: age, weights: weights,
                collapsing: options.collapsesIdenticalRows), options: options)
    }

    /// Total log-likelihood of the data under this model's parameters.
    public func logLikelihood(of data: CollapsedSummaries) -> Double {
        ParetoNBDLikelihood(data: data).evaluate(parameters.array, gradient: nil)
    }
}
