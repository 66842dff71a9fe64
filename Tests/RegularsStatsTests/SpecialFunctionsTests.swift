import Foundation
import Testing

@testable import RegularsStats

@Suite struct SpecialFunctionsTests {
    @Test func hypergeometricSeriesAgainstClosedForms() {
        let zs = [0.0, 0.1, 0.5, 0.9, 0.99]

        let logOneMinus = zs.map { SpecialFunctions.hypergeometric2F1(1, 1, 2, $0) }
        // 2F1(1, b; 2; z) = ((1 − z)^(1−b) − 1) / (z (b − 1)); with a = 1 this is the Pareto/NBD form.
        let shifted = zs.dropFirst().map { exp(SpecialFunctions.logHypergeometricUnitShift(a: 1, b: 1.5, z: $0)) }
        let large = SpecialFunctions.logHypergeometricUnitShift(a: 40.5, b: 39.6, z: 0.6)

        for (z, value) in zip(zs, logOneMinus) {
            let expected = z == 0 ? 1 : -log1p(-z) / z
            #expect(abs(value / expected - 1) < 1e-13)
        }
        for (z, value) in zip(zs.dropFirst(), shifted) {
            let expected = (pow(1 - z, -0.5) - 1) / (z * 0.5)
            #expect(abs(value / expected - 1) < 1e-13)
        }
        // Large b: the transformed series agrees with the plain one.
        #expect(abs(large - log(SpecialFunctions.hypergeometric2F1(40.5, 39.6, 41.5, 0.6))) < 1e-12)
    }

    @Test func digammaAgainstKnownValues() {
        let eulerGamma = 0.577_215_664_901_532_9

        let values = [1.0, 0.5, 10.0].map(SpecialFunctions.digamma)

        #expect(abs(values[0] + eulerGamma) < 1e-14)
        #expect(abs(values[1] + eulerGamma + 2 * log(2.0)) < 1e-14)
        #expect(abs(values[2] - 2.251_752_589_066_721) < 1e-14)
    }
}
