import Foundation
import RegularsStats
import Testing

@Suite struct ModelBehaviourTests {
    @Test func noRepeatBuyersCannotIdentifyTheModels() {
        let frequency = [0.0, 0, 0]
        let recency = [0.0, 0, 0]
        let age = [10.0, 20, 30]

        let bgnbd = Result { () throws(CLVModelError) in
            try BGNBDModel.fit(frequency: frequency, recency: recency, age: age)
        }
        let pareto = Result { () throws(CLVModelError) in
            try ParetoNBDModel.fit(frequency: frequency, recency: recency, age: age)
        }
        let gammaGamma = Result { () throws(CLVModelError) in
            try GammaGammaModel.fit(frequency: frequency, monetaryValue: [0, 0, 0])
        }

        #expect(throws: CLVModelError.noRepeatCustomers(model: "BG/NBD")) { try bgnbd.get() }
        #expect(throws: CLVModelError.noRepeatCustomers(model: "Pareto/NBD")) { try pareto.get() }
        #expect(throws: CLVModelError.noRepeatCustomers(model: "Gamma-Gamma")) { try gammaGamma.get() }
    }

    @Test func emptyAndInvalidInputAreTypedErrors() {
        let empty = Result { () throws(CLVModelError) in try BGNBDModel.fit(frequency: [], recency: [], age: []) }
        let recencyAfterAge = Result { () throws(CLVModelError) in
            try BGNBDModel.fit(frequency: [1, 2], recency: [3, 9], age: [5, 8])
        }

        #expect(throws: CLVModelError.emptyInput) { try empty.get() }
        #expect(throws: CLVModelError.self) { try recencyAfterAge.get() }
        if case .failure(.invalidSummary(let index, _)) = recencyAfterAge {
            #expect(index == 1)
        } else {
            Issue.record("expected invalidSummary, got \(recencyAfterAge)")
        }
    }

    @Test func weightedFitOfCollapsedRowsEqualsUnweightedFit() throws {
        let summaries = CDNOWFixture.summaries
        let rows = try CollapsedSummaries(summaries)
        let perCustomer = FitOptions(collapsesIdenticalRows: false)

        let weighted = try BGNBDModel.fit(
            frequency: rows.frequency, recency: rows.recency, age: rows.age, weights: rows.weight,
            options: perCustomer)
        let unweighted = try BGNBDModel.fit(summaries, options: perCustomer)

        #expect(rows.rowCount < summaries.count / 2)
        #expect(rows.totalWeight == Double(summaries.count))
        for (w, u) in zip(weighted.parameters.arrayForTesting, unweighted.parameters.arrayForTesting) {
            #expect(abs(w / u - 1) < 1e-7)
        }
        #expect(abs(weighted.logLikelihood! - unweighted.logLikelihood!) < 1e-6)
    }

    @Test func penaltyShrinksParameters() throws {
        let summaries = CDNOWFixture.summaries

        let plain = try BGNBDModel.fit(summaries)
        let penalised = try BGNBDModel.fit(summaries, options: FitOptions(penalty: 0.1))

        #expect(penalised.parameters.a < plain.parameters.a)
        #expect(penalised.parameters.b < plain.parameters.b)
        #expect(penalised.logLikelihood! < plain.logLikelihood!)
    }

    @Test func predictionsBehaveSensibly() throws {
        let model = BGNBDModel(parameters: BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426))
        let pareto = ParetoNBDModel(parameters: ParetoNBDParameters(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669))

        let recentBuyer = model.probabilityAlive(frequency: 5, recency: 38, age: 39)
        let lapsedBuyer = model.probabilityAlive(frequency: 5, recency: 5, age: 39)
        let curve = model.expectedCumulativeRepeatPurchases(firstPurchaseWeeks: [0, 0, 6], through: 78)
        let next = model.nextPurchase(frequency: 5, recency: 38, age: 39)
        let paretoAlive = pareto.probabilityAlive(frequency: 0, recency: 0, age: 39)

        #expect(model.probabilityAlive(frequency: 0, recency: 0, age: 39) == 1)
        #expect(recentBuyer > 0.85 && lapsedBuyer < 0.5)
        #expect(model.expectedPurchases(in: 39, frequency: 5, recency: 38, age: 39) > 1)
        #expect(curve.count == 78)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.value < $1.value })
        // E[X(t)] from the closed form: 3 customers, the last one 6 weeks late.
        #expect(
            abs(
                curve[77].value
                    - (2 * model.expectedRepeatPurchases(within: 78) + model.expectedRepeatPurchases(within: 72)))
                < 1e-9)
        #expect(next.expectedWeeksIfAlive! > 0 && next.medianWeeksIfAlive < next.expectedWeeksIfAlive!)
        #expect(next.expectedDate(after: EpochDay("2024-01-01")!) > EpochDay("2024-01-01")!)
        #expect(paretoAlive > 0 && paretoAlive < 1)
    }

    @Test func bgnbdExpectationsStayFiniteWhenTheDropoutProbabilityIsNearlyFixed() {
        // Setup: a and b in the millions, as fitted to a store whose customers share one dropout probability p; BG/NBD
        // then tends to a fixed p, where E[X(t)] = (1/p) · [1 − (α/(α + p t))^r].
        let p = 0.075
        let model = BGNBDModel(
            parameters: BGNBDParameters(r: 0.46, alpha: 1.01, a: p * 3_500_000, b: (1 - p) * 3_500_000))

        // Action: the population curve at 1, 4 and 26 weeks, and a repeat customer's next 13 weeks.
        let curve = [1.0, 4, 26].map { model.expectedRepeatPurchases(within: $0) }
        let conditional = model.expectedPurchasesIfAlive(in: 13, frequency: 40, age: 80)

        // Check: the limit, to the precision of a and b this large, and a finite positive conditional expectation.
        for (t, value) in zip([1.0, 4, 26], curve) {
            let limit = (1 / p) * (1 - pow(1.01 / (1.01 + p * t), 0.46))
            #expect(abs(value - limit) < 1e-4 * limit)
        }
        #expect(conditional.isFinite && conditional > 0)
    }

    @Test func bgnbdExpectationIsContinuousWhereItsTwoSeriesMeet() {
        // Setup: r + x = 2, with a − 1 just below 2 (Euler's series) and just above (Gauss's series in log space).
        func model(a: Double) -> BGNBDModel {
            BGNBDModel(parameters: BGNBDParameters(r: 0.5, alpha: 4, a: a, b: 2.5))
        }

        // Action: the same expectation from both sides.
        let euler = model(a: 3 - 1e-9).expectedPurchasesIfAlive(in: 39, frequency: 1.5, age: 30)
        let gauss = model(a: 3 + 1e-9).expectedPurchasesIfAlive(in: 39, frequency: 1.5, age: 30)

        // Check: they agree.
        #expect(abs(euler - gauss) < 1e-7 * euler)
    }

    @Test func paretoNBDPredictionsMatchLifetimes() {
        let summaries = CDNOWFixture.summaries
        // lifetimes 0.11.3's ParetoNBDFitter estimates on the CDNOW summary file.
        let model = ParetoNBDModel(
            parameters: ParetoNBDParameters(
                r: 0.5532626279964803, alpha: 10.577399035000724, s: 0.6062221409056059, beta: 11.668281373520756))

        var alive = 0.0
        var expected = 0.0
        for i in 0..<summaries.count {
            let (x, tx, age) = (summaries.frequency[i], summaries.recency[i], summaries.age[i])
            alive += model.probabilityAlive(frequency: x, recency: tx, age: age)
            expected += model.expectedPurchases(in: 39, frequency: x, recency: tx, age: age)
        }

        // lifetimes: mean P(alive) 0.44628037089600325, Σ E[Y(39)] 1665.5305541419639.
        #expect(abs(alive / Double(summaries.count) - 0.44628037089600325) < 1e-9)
        #expect(abs(expected - 1665.5305541419639) < 1e-6)
    }

    @Test func customerPredictionsMatchPerCustomerFormulas() throws {
        let summaries = CDNOWFixture.summaries
        let purchaseModel = try BGNBDModel.fit(summaries)
        let spendModel = try GammaGammaModel.fit(summaries)

        let predictions = try CustomerPredictions.compute(
            summaries: summaries, purchaseModel: purchaseModel, spendModel: spendModel,
            options: CLVOptions(purchaseHorizonWeeks: 39))

        let i = 0  // customer 1: x = 2, tₓ = 30.43, T = 38.86, z̄ = 22.35
        #expect(
            abs(
                predictions.expectedPurchases[i]
                    - purchaseModel.expectedPurchases(in: 39, frequency: 2, recency: 30.43, age: 38.86)) < 1e-12)
        #expect(abs(predictions.expectedPurchases.reduce(0, +) - 1653.4) < 0.5)
        // lifetimes 0.11.3, customer_lifetime_value(time=12, discount_rate=0.01, freq="W") on this file.
        #expect(abs(predictions.lifetimeValue[0] - 36.278495763) < 1e-4)
        #expect(abs(predictions.lifetimeValue[1] - 4.637466328) < 1e-4)
        #expect(abs(predictions.lifetimeValue.reduce(0, +) / 71509.8993193 - 1) < 1e-6)
    }
}
