import Foundation
import RegularsStats
import Testing

/// Published results on the CDNOW sample (Fader, Hardie & Lee 2005; see Fixtures/PROVENANCE.md).
@Suite struct CDNOWValidationTests {
    @Test func bgnbdMatchesPublishedParameters() throws {
        let summaries = CDNOWFixture.summaries

        let model = try BGNBDModel.fit(summaries)

        let p = model.parameters
        #expect(abs(p.r - 0.243) < 0.0005)
        #expect(abs(p.alpha - 4.414) < 0.0005)
        #expect(abs(p.a - 0.793) < 0.0005)
        #expect(abs(p.b - 2.426) < 0.0005)
        #expect(abs(model.logLikelihood! - -9582.4) < 0.05)
        // Reference fit (double precision MLE): r = 0.242593, α = 4.413532, a = 0.792886, b = 2.425752.
        #expect(abs(p.r / 0.242593 - 1) < 1e-5)
        #expect(abs(p.alpha / 4.413532 - 1) < 1e-5)
        #expect(abs(p.a / 0.792886 - 1) < 1e-5)
        #expect(abs(p.b / 2.425752 - 1) < 1e-5)
    }

    @Test func bgnbdStandardErrorsMatchLifetimes() throws {
        let summaries = CDNOWFixture.summaries

        let errors = try #require(try BGNBDModel.fit(summaries).standardErrors)

        // lifetimes 0.11.3 on the same file: 0.012557, 0.378221, 0.185719, 0.705345.
        #expect(abs(errors.r / 0.012557 - 1) < 1e-3)
        #expect(abs(errors.alpha / 0.378221 - 1) < 1e-3)
        #expect(abs(errors.a / 0.185719 - 1) < 1e-3)
        #expect(abs(errors.b / 0.705345 - 1) < 1e-3)
    }

    @Test func bgnbdPredictionsMatchPublishedTotals() throws {
        let summaries = CDNOWFixture.summaries
        let model = try BGNBDModel.fit(summaries)

        var expected = 0.0
        var alive = 0.0
        for i in 0..<summaries.count {
            expected += model.expectedPurchases(
                in: 39, frequency: summaries.frequency[i], recency: summaries.recency[i], age: summaries.age[i])
            alive += model.probabilityAlive(
                frequency: summaries.frequency[i], recency: summaries.recency[i], age: summaries.age[i])
        }

        #expect(abs(expected - 1653.4) < 0.5)
        #expect(abs(alive / Double(summaries.count) - 0.81344) < 0.000005)
    }

    @Test func paretoNBDMatchesPublishedParameters() throws {
        let rows = try CollapsedSummaries(CDNOWFixture.summaries)

        let model = CDNOWFixture.paretoNBD

        let p = model.parameters
        #expect(abs(p.r - 0.553) < 0.0005)
        #expect(abs(p.alpha - 10.578) < 0.0005)
        #expect(abs(p.s - 0.606) < 0.0005)
        #expect(abs(p.beta - 11.67) < 0.005)
        #expect(abs(model.logLikelihood! - -9595.0) < 0.05)
        #expect(abs(model.logLikelihood(of: rows) - model.logLikelihood!) < 1e-9)
    }

    @Test func gammaGammaMatchesPublishedParameters() throws {
        let summaries = CDNOWFixture.summaries

        let model = try GammaGammaModel.fit(summaries)

        let p = model.parameters
        #expect(model.customers == 946)
        #expect(abs(p.p - 6.25) < 0.005)
        #expect(abs(p.q - 3.74) < 0.005)
        // 15.4477 on the 2-decimal zbar of the fixture (lifetimes: 15.44775); published 15.44.
        #expect(abs(p.gamma - 15.44) < 0.01)
        #expect(abs(p.gamma / 15.447748 - 1) < 1e-5)
    }
}
