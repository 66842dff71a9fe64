import Foundation
import Testing

@testable import RegularsDemo

struct DemoRandomTests {
    @Test func elementaryFunctionsMatchTheSystemLibrary() {
        // Setup
        let arguments = stride(from: -30.0, through: 30.0, by: 0.37).map { $0 } + [1e-300, 1e-9, 0.5, 1, 2, 1e300]

        // Action
        let expErrors = arguments.filter { abs($0) < 700 }.map {
            abs(DemoMath.exp($0) - Foundation.exp($0)) / Foundation.exp($0)
        }
        let logErrors = arguments.filter { $0 > 0 }.map { abs(DemoMath.log($0) - Foundation.log($0)) }

        // Check
        #expect(expErrors.allSatisfy { $0 < 1e-14 })
        #expect(logErrors.allSatisfy { $0 < 1e-13 })
        #expect(DemoMath.log(1) == 0)
        #expect(DemoMath.exp(0) == 1)
    }

    @Test func streamsAreReproducibleAndIndependent() {
        // Setup
        var first = DemoRandom(seed: 42, stream: .behavior, index: 3)
        var again = DemoRandom(seed: 42, stream: .behavior, index: 3)
        var neighbour = DemoRandom(seed: 42, stream: .behavior, index: 4)

        // Action
        let a = (0..<8).map { _ in first.next() }
        let b = (0..<8).map { _ in again.next() }
        let c = (0..<8).map { _ in neighbour.next() }

        // Check
        #expect(a == b)
        #expect(a != c)
    }

    @Test func samplersHaveTheExpectedMeans() {
        // Setup
        var random = DemoRandom(seed: 1, stream: .catalog)
        let count = 40_000
        func mean(_ draw: () -> Double) -> Double {
            var total = 0.0
            for _ in 0..<count { total += draw() }
            return total / Double(count)
        }

        // Action
        let gammaSmall = mean { random.gamma(shape: 0.4, scale: 2) }  // 0.8
        let gammaLarge = mean { random.gamma(shape: 5, scale: 3) }  // 15
        let beta = mean { random.beta(2, 6) }  // 0.25
        let exponential = mean { random.exponential(rate: 4) }  // 0.25
        let poisson = mean { Double(random.poisson(mean: 3.5)) }  // 3.5
        let poissonLarge = mean { Double(random.poisson(mean: 45)) }  // 45
        let logNormal = mean { random.logNormal(mu: 0, sigma: 0.5) }  // exp(0.125)
        let unit = mean { random.unit() }  // 0.5

        // Check
        #expect(abs(gammaSmall - 0.8) < 0.04)
        #expect(abs(gammaLarge - 15) < 0.2)
        #expect(abs(beta - 0.25) < 0.01)
        #expect(abs(exponential - 0.25) < 0.01)
        #expect(abs(poisson - 3.5) < 0.05)
        #expect(abs(poissonLarge - 45) < 0.2)
        #expect(abs(logNormal - Foundation.exp(0.125)) < 0.02)
        #expect(abs(unit - 0.5) < 0.01)
    }

    @Test func weightedTableFollowsItsWeights() {
        // Setup
        let table = DemoWeightedTable(weights: [1, 0, 3, 6])
        var random = DemoRandom(seed: 5, stream: .catalog)

        // Action
        var counts = [0, 0, 0, 0]
        for _ in 0..<50_000 { counts[table.pick(using: &random)] += 1 }

        // Check
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[0]) / 50_000 - 0.1) < 0.01)
        #expect(abs(Double(counts[2]) / 50_000 - 0.3) < 0.01)
        #expect(abs(Double(counts[3]) / 50_000 - 0.6) < 0.01)
    }

    @Test func identifiersAreWellFormed() {
        // Setup
        var random = DemoRandom(seed: 9, stream: .uniqueness)

        // Action
        let uuid = random.uuid()
        let token = random.hex32()
        let digits = DemoHex.string(0x0123_4567_89AB_CDEF)

        // Check
        #expect(uuid.count == 36 && uuid.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(Array(uuid)[14] == "4" && "89ab".contains(Array(uuid)[19]))
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit))
        #expect(digits == "0123456789abcdef")
    }

    @Test func radixSortOrdersKeysStably() {
        // Setup
        var random = DemoRandom(seed: 11, stream: .catalog)
        let times = (0..<5_000).map { _ in Int64(random.int(below: 400)) }

        // Action
        let order = DemoStoreGenerator.chronologicalOrder(times: times)

        // Check
        let expected = times.indices.sorted { times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1 }
        #expect(order == expected)
    }

    @Test func calendarRoundTripsCivilDates() {
        // Setup
        let days: [Int64] = [-719_468, -1, 0, 59, 789, 11_016, 20_758, 2_932_896]

        // Action
        let roundTrips = days.map { DemoCalendar.days(fromCivil: DemoCalendar.civil(fromDays: $0)) }

        // Check
        #expect(roundTrips == days)
        #expect(DemoCalendar.civil(fromDays: 0) == .init(year: 1970, month: 1, day: 1))
        #expect(DemoCalendar.weekday(ofDay: 0) == 4)
        #expect(DemoCalendar.subtractingYears(2, from: 1_793_491_200) == 1_730_419_200)
    }
}
