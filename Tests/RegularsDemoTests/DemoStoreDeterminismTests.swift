import Foundation
import RegularsDemo
import Testing

struct DemoStoreDeterminismTests {
    @Test func sameSeedProducesIdenticalStore() {
        // Setup
        let generator = DemoStoreGenerator(seed: 2026)

        // Action
        let first = generator.generate()
        let second = generator.generate()

        // Check
        #expect(DemoStoreDigest.of(first) == DemoStoreDigest.of(second))
        #expect(first == second)
    }

    @Test func differentSeedProducesDifferentStore() {
        // Setup
        let standard = DemoStoreFixture.standard

        // Action
        let other = DemoStoreGenerator(seed: 2027).generate()

        // Check
        #expect(DemoStoreDigest.of(other) != DemoStoreDigest.of(standard))
        #expect(other.customers.map(\.email) != standard.customers.map(\.email))
        #expect(other.orders.count != standard.orders.count)
    }

    /// Pins the output of a small store so that any platform or toolchain difference (or an unintended change to
    /// the generator) is caught. Update the constant deliberately when the generator is changed on purpose.
    @Test func smallStoreMatchesPinnedFingerprint() {
        // Setup
        let generator = DemoStoreGenerator(seed: 7, customerCount: 300, productCount: 40)

        // Action
        let digest = DemoStoreDigest.of(generator.generate())

        // Check
        #expect(digest == 4_882_473_688_200_333_478)
    }
}
