/// Timings and results of one `CLVBenchmark` run. Times are wall-clock seconds; `pipelineSeconds` is the sum of
/// the timed pipeline steps (summaries, both fits, predictions) and excludes generation and CSV writing.
public struct CLVBenchmarkResult: Sendable, Hashable, Codable {
    public var customers: Int
    public var transactions: Int
    public var repeatCustomers: Int
    /// Distinct (x, tₓ, T) rows after collapsing.
    public var distinctRows: Int
    public var generationSeconds: Double
    public var csvSeconds: Double?
    public var summarySeconds: Double
    public var bgnbdFitSeconds: Double
    public var gammaGammaFitSeconds: Double
    /// P(alive), expected purchases over 52 weeks and 12-month CLV for every customer.
    public var predictionSeconds: Double
    public var pipelineSeconds: Double
    public var bgnbd: BGNBDParameters
    public var gammaGamma: GammaGammaParameters
    public var sumExpectedPurchases: Double
    public var meanProbabilityAlive: Double
    public var sumLifetimeValue: Double

    enum CodingKeys: String, CodingKey {
        case customers
        case transactions
        case repeatCustomers = "repeat_customers"
        case distinctRows = "distinct_rows"
        case generationSeconds = "generation_seconds"
        case csvSeconds = "csv_seconds"
        case summarySeconds = "summary_seconds"
        case bgnbdFitSeconds = "bgnbd_fit_seconds"
        case gammaGammaFitSeconds = "gamma_gamma_fit_seconds"
        case predictionSeconds = "prediction_seconds"
        case pipelineSeconds = "pipeline_seconds"
        case bgnbd
        case gammaGamma = "gamma_gamma"
        case sumExpectedPurchases = "sum_expected_purchases_52w"
        case meanProbabilityAlive = "mean_probability_alive"
        case sumLifetimeValue = "sum_clv_12m"
    }
}
