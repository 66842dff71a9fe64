/// Times the whole predictive-CLV pipeline in process on a synthetic customer base — the same steps as
/// `scripts/bench_clv_lifetimes.py` runs with `lifetimes` on the CSV this can write:
///
/// 1. per-customer summaries from the transactions (one transaction per customer and day, weeks, calibration end =
///    last day in the log), streamed chunk by chunk into `CompactCustomerSummaries`;
/// 2. BG/NBD fit (on the collapsed rows); 3. Gamma-Gamma fit;
/// 4. for every customer P(alive), expected purchases in 52 weeks and 12-month CLV at 1 % monthly discount,
///    produced in chunks of 65,536 customers.
///
/// The log is generated in chunks (generation time is not part of the pipeline time), so memory stays at about
/// 20 bytes per customer plus one chunk.
public enum CLVBenchmark: Sendable {
    /// - Parameter csvPath: when given, the generated log is also written there as `customer_id,date,amount`
    ///   (untimed).
    public static func run(configuration: SyntheticDataConfiguration, csvPath: String? = nil) throws
        -> CLVBenchmarkResult
    {
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        var start = clock.now
        let extent = SyntheticTransactionGenerator.extent(configuration)
        var generation = seconds(clock.now - start)
        guard let lastDay = extent.lastDay else { throw CLVModelError.emptyInput }

        var csvSeconds: Double? = nil
        if let csvPath {
            start = clock.now
            let writer = try TransactionCSVWriter(path: csvPath)
            try SyntheticTransactionGenerator.forEachChunk(configuration) { try writer.write($0) }
            try writer.close()
            csvSeconds = seconds(clock.now - start)
        }

        var summary = 0.0
        // The accumulator (and its hash tables) ends with this closure, before the predictions allocate.
        let summaries = try { () throws(CLVModelError) -> CompactCustomerSummaries in
            var accumulator = CustomerSummaryAccumulator(
                calibrationEnd: lastDay, minorUnitsPerMajor: configuration.minorUnitsPerMajor,
                expectedCustomers: configuration.customers)
            var chunkStart = clock.now
            SyntheticTransactionGenerator.forEachChunk(configuration) { chunk in
                let summaryStart = clock.now
                generation += seconds(summaryStart - chunkStart)
                accumulator.add(chunk)
                chunkStart = clock.now
                summary += seconds(chunkStart - summaryStart)
            }
            let finishStart = clock.now
            defer { summary += seconds(clock.now - finishStart) }
            return try accumulator.finish()
        }()

        start = clock.now
        let purchaseModel = try BGNBDModel.fit(summaries.rows)
        let bgnbdFit = seconds(clock.now - start)

        start = clock.now
        let spendModel = try GammaGammaModel.fit(summaries)
        let gammaGammaFit = seconds(clock.now - start)

        start = clock.now
        var sumExpected = 0.0
        var sumAlive = 0.0
        var sumValue = 0.0
        CustomerPredictions.forEachChunk(
            summaries: summaries, purchaseModel: purchaseModel, spendModel: spendModel,
            options: CLVOptions(purchaseHorizonWeeks: 52, lifetimeMonths: 12, monthlyDiscountRate: 0.01)
        ) { chunk in
            sumExpected += chunk.expectedPurchases.reduce(0, +)
            sumAlive += chunk.probabilityAlive.reduce(0, +)
            sumValue += chunk.lifetimeValue.reduce(0, +)
        }
        let prediction = seconds(clock.now - start)

        return CLVBenchmarkResult(
            customers: summaries.count, transactions: extent.transactions,
            repeatCustomers: summaries.repeatCustomerCount, distinctRows: summaries.rows.rowCount,
            generationSeconds: generation, csvSeconds: csvSeconds, summarySeconds: summary, bgnbdFitSeconds: bgnbdFit,
            gammaGammaFitSeconds: gammaGammaFit, predictionSeconds: prediction,
            pipelineSeconds: summary + bgnbdFit + gammaGammaFit + prediction, bgnbd: purchaseModel.parameters,
            gammaGamma: spendModel.parameters, sumExpectedPurchases: sumExpected,
            meanProbabilityAlive: sumAlive / Double(max(1, summaries.count)), sumLifetimeValue: sumValue)
    }

    /// Runs the benchmark for `customers` customers with the default (CDNOW-like) configuration.
    public static func run(customers: Int, seed: UInt64 = 42, csvPath: String? = nil) throws -> CLVBenchmarkResult {
        try run(configuration: SyntheticDataConfiguration(customers: customers, seed: seed), csvPath: csvPath)
    }
}
