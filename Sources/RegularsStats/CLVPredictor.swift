/// Predicts customer by customer from fitted models, with E[purchases in t | alive, x, T] at every horizon of the
/// options computed once per distinct (x, T) pair, named up front: those hypergeometric terms are most of the work of
/// a prediction, and a store's million customers share some fifty thousand pairs. For scoring a store in blocks,
/// where `CustomerPredictions.compute` would redo the pairs every block shares.
///
/// Gives the same values, bit for bit, as `CustomerPredictions.compute` on the same summaries.
public struct CLVPredictor<Model: RepeatPurchaseModel>: Sendable {
    public struct Prediction: Sendable, Equatable {
        public var probabilityAlive: Double
        /// Expected purchases in the next `options.purchaseHorizonWeeks` weeks.
        public var expectedPurchases: Double
        /// Discounted expected value over `options.lifetimeMonths` months, in the spend unit of the monetary value.
        public var lifetimeValue: Double
        public var nextPurchase: NextPurchaseEstimate
    }

    public let purchaseModel: Model
    public let spendModel: GammaGammaModel
    public let options: CLVOptions
    private let horizonCount: Int
    /// `pairs × horizons`, row-major.
    private let expectations: [Double]
    private let discountFactors: [Double]

    /// Computes the expectations of each pair (`frequency[i]`, `age[i]`), numbered i, split over `parts` tasks.
    public init(
        purchaseModel: Model, spendModel: GammaGammaModel, options: CLVOptions = CLVOptions(), pairFrequency: [Double],
        pairAge: [Double], parts: Int = 2
    ) async {
        precondition(pairFrequency.count == pairAge.count, "one age per frequency")
        let horizons = options.predictionHorizons
        let count = pairFrequency.count
        let parts = max(1, min(parts, count))
        let chunks = await withTaskGroup(of: (Int, [Double]).self) { group in
            for part in 0..<parts {
                let range = (part * count / parts)..<((part + 1) * count / parts)
                group.addTask {
                    (
                        part,
                        ExpectationTable.values(
                            model: purchaseModel, frequency: Array(pairFrequency[range]), age: Array(pairAge[range]),
                            horizons: horizons)
                    )
                }
            }
            var chunks = [[Double]](repeating: [], count: parts)
            for await (part, values) in group { chunks[part] = values }
            return chunks
        }
        self.purchaseModel = purchaseModel
        self.spendModel = spendModel
        self.options = options
        self.horizonCount = horizons.count
        self.expectations = Array(chunks.joined())
        self.discountFactors = options.monthlyDiscountFactors
    }

    /// The predictions for a customer with x = `frequency`, tₓ = `recency`, T = `age` — (x, T) being pair number
    /// `pair` — and mean repeat spend `monetaryValue`.
    @inline(__always)
    public func predict(pair: Int, frequency: Double, recency: Double, age: Double, monetaryValue: Double) -> Prediction
    {
        let alive = purchaseModel.probabilityAlive(frequency: frequency, recency: recency, age: age)
        let base = pair * horizonCount
        let discountedPurchases =
            alive * options.discountedMonthlyPurchases(factors: discountFactors) { expectations[base + $0] }
        let posterior = purchaseModel.purchaseRatePosterior(frequency: frequency, age: age)
        return Prediction(
            probabilityAlive: alive, expectedPurchases: alive * expectations[base],
            lifetimeValue: discountedPurchases
                * spendModel.expectedAverageSpend(frequency: frequency, monetaryValue: monetaryValue),
            nextPurchase: NextPurchaseEstimate(
                probabilityAlive: alive, purchaseRateShape: posterior.shape, purchaseRateRate: posterior.rate))
    }
}
