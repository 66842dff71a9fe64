import Foundation
import RegularsStats
import Testing

@Suite struct RFMAnalysisTests {
    @Test func quintilesOfDistinctValues() {
        let values = Array(1...10)

        let scores = RFMAnalysis.quintileScores(values)

        #expect(scores == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    }

    @Test func tiesShareTheMidRankScore() {
        let values = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5]  // six one-order customers

        let scores = RFMAnalysis.quintileScores(values)
        let allEqual = RFMAnalysis.quintileScores([7, 7, 7])

        // Middle of the tie group's percentile range: (0 + 6/2) / 10 = 0.3 → score 2.
        #expect(scores == [2, 2, 2, 2, 2, 2, 4, 4, 5, 5])
        #expect(allEqual == [3, 3, 3])
    }

    @Test func segmentGrid() {
        let corners = [
            RFMSegment(recencyScore: 5, frequencyMonetaryScore: 5),
            RFMSegment(recencyScore: 5, frequencyMonetaryScore: 1),
            RFMSegment(recencyScore: 1, frequencyMonetaryScore: 5),
            RFMSegment(recencyScore: 1, frequencyMonetaryScore: 1),
        ]

        let everySegment = Set(
            (1...5).flatMap { r in (1...5).map { RFMSegment(recencyScore: r, frequencyMonetaryScore: $0) } })

        #expect(corners == [.champions, .new, .cannotLoseThem, .lost])
        #expect(RFMSegment(recencyScore: 4, frequencyMonetaryScore: 1) == .promising)
        #expect(RFMSegment(recencyScore: 4, frequencyMonetaryScore: 3) == .potentialLoyalists)
        #expect(RFMSegment(recencyScore: 3, frequencyMonetaryScore: 3) == .needAttention)
        #expect(RFMSegment(recencyScore: 3, frequencyMonetaryScore: 2) == .aboutToSleep)
        #expect(RFMSegment(recencyScore: 3, frequencyMonetaryScore: 4) == .loyal)
        #expect(RFMSegment(recencyScore: 2, frequencyMonetaryScore: 2) == .hibernating)
        #expect(RFMSegment(recencyScore: 2, frequencyMonetaryScore: 4) == .atRisk)
        #expect(everySegment == Set(RFMSegment.allCases))
        #expect(RFMSegment.frequencyMonetaryScore(frequency: 4, monetary: 5) == 5)
        #expect(RFMSegment.frequencyMonetaryScore(frequency: 1, monetary: 2) == 2)
    }

    @Test func analyzeScoresCustomersFromOrders() {
        let asOf = Date(timeIntervalSince1970: 1_710_000_000)
        var orders: [OrderRecord] = []
        for id in 1...5 {
            for k in 0..<id {
                let daysAgo = Double(60 - 10 * id + k)
                orders.append(
                    OrderRecord(
                        customerID: Int64(id), placedAt: asOf.addingTimeInterval(-daysAgo * 86_400),
                        amountMinor: Int64(1000 * id)))
            }
        }
        // An order after asOf is ignored.
        orders.append(OrderRecord(customerID: 9, placedAt: asOf.addingTimeInterval(86_400), amountMinor: 5))

        let customers = RFMAnalysis.analyze(orders: orders, asOf: asOf)

        #expect(customers.map(\.customerID) == [1, 2, 3, 4, 5])
        #expect(customers.map(\.recencyDays) == [50, 40, 30, 20, 10])
        #expect(customers.map(\.orders) == [1, 2, 3, 4, 5])
        #expect(customers.map(\.monetaryMinor) == [1000, 4000, 9000, 16000, 25000])
        #expect(customers.map(\.score.recency) == [1, 2, 3, 4, 5])
        #expect(customers.first?.segment == .lost)
        #expect(customers.last?.segment == .champions)
    }
}
