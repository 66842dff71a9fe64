import Foundation
import RegularsStats
import Testing

@Suite struct SyntheticDataTests {
    @Test func generatorIsDeterministicAndChunkingDoesNotMatter() {
        let configuration = SyntheticDataConfiguration(customers: 3000, seed: 11)

        let first = SyntheticTransactionGenerator.generate(configuration)
        let second = SyntheticTransactionGenerator.generate(configuration)
        var chunked: [TransactionLog] = []
        SyntheticTransactionGenerator.forEachChunk(configuration, customersPerChunk: 1000) { chunked.append($0) }
        let other = SyntheticTransactionGenerator.generate(SyntheticDataConfiguration(customers: 3000, seed: 12))

        #expect(first == second)
        #expect(first != other)
        #expect(chunked.map(\.count).reduce(0, +) == first.count)
        #expect(chunked.flatMap(\.amountsMinor) == first.amountsMinor)
        #expect(first.customerIDs == Array(1...3000))
        #expect(SyntheticTransactionGenerator.extent(configuration).transactions == first.count)
    }

    @Test func fitsRecoverTheGeneratingParameters() throws {
        let truth = BGNBDParameters(r: 0.5, alpha: 5, a: 0.8, b: 2.5)
        let configuration = SyntheticDataConfiguration(
            customers: 20_000, seed: 3, purchase: truth, observationDays: 546)
        let log = SyntheticTransactionGenerator.generate(configuration)

        let summaries = CustomerSummaries(log: log)
        let bgnbd = try BGNBDModel.fit(summaries)
        let gammaGamma = try GammaGammaModel.fit(summaries)

        let fitted = bgnbd.parameters
        let errors = try #require(bgnbd.standardErrors)
        // Daily rounding of purchase times biases α slightly; allow 4 standard errors.
        #expect(abs(fitted.r - truth.r) < 4 * errors.r)
        #expect(abs(fitted.alpha - truth.alpha) < 4 * errors.alpha)
        #expect(abs(fitted.a - truth.a) < 4 * errors.a)
        #expect(abs(fitted.b - truth.b) < 4 * errors.b)
        #expect(abs(gammaGamma.parameters.p / 6.25 - 1) < 0.2)
    }

    @Test func compactSummariesAgreeWithPlainSummaries() throws {
        let log = SyntheticTransactionGenerator.generate(SyntheticDataConfiguration(customers: 2000, seed: 5))
        let plain = CustomerSummaries(log: log)
        var accumulator = CustomerSummaryAccumulator(calibrationEnd: plain.calibrationEnd!)

        accumulator.add(log)
        let compact = try accumulator.finish()
        let purchaseModel = try BGNBDModel.fit(plain)
        let spendModel = try GammaGammaModel.fit(plain)
        let fromPlain = try CustomerPredictions.compute(
            summaries: plain, purchaseModel: purchaseModel, spendModel: spendModel)
        let fromCompact = CustomerPredictions.compute(
            summaries: compact, purchaseModel: purchaseModel, spendModel: spendModel)

        #expect(compact.expanded() == plain)
        #expect(try BGNBDModel.fit(compact.rows) == purchaseModel)
        #expect(try GammaGammaModel.fit(compact) == spendModel)
        #expect(fromCompact == fromPlain)
    }

    @Test func thePredictorGivesEveryCustomerExactlyTheBatchPredictions() async throws {
        // Setup: a synthetic store, its fitted models, and each customer's (x, T) pair numbered.
        let log = SyntheticTransactionGenerator.generate(SyntheticDataConfiguration(customers: 3000, seed: 9))
        let summaries = CustomerSummaries(log: log)
        let purchaseModel = try BGNBDModel.fit(summaries)
        let spendModel = try GammaGammaModel.fit(summaries)
        let ages = Array(Set(summaries.age)).sorted()
        let ageIndex = Dictionary(uniqueKeysWithValues: ages.enumerated().map { ($0.element, Int32($0.offset)) })
        let pairs = PairNumbering(
            count: summaries.count, firstCount: Int(summaries.frequency.max() ?? 0) + 1, secondCount: ages.count
        ) { (Int32(summaries.frequency[$0]), ageIndex[summaries.age[$0]]!) }

        // Action: predict customer by customer, and all at once.
        let predictor = await CLVPredictor(
            purchaseModel: purchaseModel, spendModel: spendModel,
            pairFrequency: pairs.first.map { Double($0) }, pairAge: pairs.second.map { ages[Int($0)] }, parts: 3)
        let one = (0..<summaries.count).map { i in
            predictor.predict(
                pair: Int(pairs.numberOfItem[i]), frequency: summaries.frequency[i], recency: summaries.recency[i],
                age: summaries.age[i], monetaryValue: summaries.monetaryValue[i])
        }
        let batch = try CustomerPredictions.compute(
            summaries: summaries, purchaseModel: purchaseModel, spendModel: spendModel)

        // Check: the same values to the last bit, over fewer pairs than customers.
        #expect(pairs.pairCount < summaries.count / 2)
        #expect(one.map(\.probabilityAlive) == batch.probabilityAlive)
        #expect(one.map(\.expectedPurchases) == batch.expectedPurchases)
        #expect(one.map(\.lifetimeValue) == batch.lifetimeValue)
        #expect(
            one.map(\.nextPurchase)
                == (0..<summaries.count).map {
                    purchaseModel.nextPurchase(
                        frequency: summaries.frequency[$0], recency: summaries.recency[$0], age: summaries.age[$0])
                })
    }

    @Test func benchmarkRunsThePipeline() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regulars-bench-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }

        let result = try CLVBenchmark.run(customers: 5000, seed: 1, csvPath: path)
        let written = try TransactionLog.parseCSV(contentsOfFile: path)

        #expect(result.customers == 5000)
        #expect(written.count == result.transactions)
        #expect(result.repeatCustomers > 1000 && result.repeatCustomers < 3000)
        #expect(result.pipelineSeconds > 0 && result.csvSeconds != nil)
        #expect(result.meanProbabilityAlive > 0.5 && result.meanProbabilityAlive < 1)
        #expect(result.sumLifetimeValue > 0)
    }
}
