import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

/// `verify()` must catch every kind of corruption, or the property test proves nothing.
@Suite struct LedgerVerificationTests {
    let start = Fixtures.utc(2025, 1, 1)

    private func credit(_ sequence: Int64, _ points: Int64, key: String? = nil, expiresAt: Date? = nil) -> LedgerEntry {
        LedgerEntry(
            sequence: sequence, key: IdempotencyKey(key ?? "k\(sequence)"), kind: .earn, status: .available,
            points: points, createdAt: start, expiresAt: expiresAt, explanation: .action(.accountCreated, subject: nil))
    }

    private func redeem(_ sequence: Int64, _ points: Int64, draws: [LotDraw], at: Date? = nil) -> LedgerEntry {
        LedgerEntry(
            sequence: sequence, key: IdempotencyKey("r\(sequence)"), kind: .redeem, status: .available,
            points: -points, createdAt: at ?? start, draws: draws, explanation: .redemption(reward: nil))
    }

    @Test func aSoundLedgerHasNoViolations() {
        let ledger = Ledger(entries: [credit(1, 100), redeem(2, 40, draws: [LotDraw(lot: 1, points: 40)])])

        #expect(ledger.verify() == [])
        #expect(ledger.balance == 60)
    }

    @Test func aLotOverdrawnIsCaught() {
        let ledger = Ledger(entries: [credit(1, 100), redeem(2, 140, draws: [LotDraw(lot: 1, points: 140)])])

        #expect(ledger.verify().contains(.lotBelowZero(lot: 1, remaining: -40)))
    }

    @Test func aDebitNotCoveredByItsDrawsIsCaught() {
        let ledger = Ledger(entries: [credit(1, 100), redeem(2, 50, draws: [LotDraw(lot: 1, points: 20)])])

        #expect(!ledger.verify().isEmpty)
    }

    @Test func aDuplicatedOperationIsCaught() {
        let ledger = Ledger(entries: [credit(1, 100, key: "order:1:points"), credit(2, 100, key: "order:1:points")])

        #expect(ledger.verify().contains(.duplicateOperation(key: IdempotencyKey("order:1:points"), sequence: 2)))
    }

    @Test func aSequenceGapIsCaught() {
        let ledger = Ledger(entries: [credit(1, 100), credit(3, 100)])

        #expect(ledger.verify().contains(.sequenceGap(expected: 2, found: 3)))
    }

    @Test func spendingAnExpiredLotIsCaught() {
        let expiry = Fixtures.days(10, after: start)
        let ledger = Ledger(entries: [
            credit(1, 100, expiresAt: expiry),
            redeem(2, 10, draws: [LotDraw(lot: 1, points: 10)], at: Fixtures.days(11, after: start)),
        ])

        #expect(ledger.verify().contains(.drawFromExpiredLot(sequence: 2, lot: 1)))
    }

    @Test func anEarlyExpiryIsCaught() {
        let ledger = Ledger(entries: [
            credit(1, 100, expiresAt: Fixtures.days(10, after: start)),
            LedgerEntry(
                sequence: 2, key: .expiry(ofLot: 1), kind: .expire, status: .available, points: -100,
                createdAt: Fixtures.days(5, after: start), draws: [LotDraw(lot: 1, points: 100)],
                explanation: .expiry(earnedAt: start, expiredAt: start)),
        ])

        #expect(ledger.verify().contains(.expiredEarly(sequence: 2, lot: 1)))
    }

    @Test func anAdjustmentWithoutAReasonIsCaught() {
        let ledger = Ledger(entries: [
            LedgerEntry(
                sequence: 1, key: .adjustment("x"), kind: .adjust, status: .available, points: 10, createdAt: start,
                actor: "admin", reason: "  ", explanation: .manualAdjustment)
        ])

        #expect(!ledger.isConsistent)
    }

    @Test func aReleaseBeforeTheUnlockInstantIsCaught() {
        let pending = LedgerEntry(
            sequence: 1, key: .order("1"), kind: .earn, status: .pending, points: 10, createdAt: start,
            unlocksAt: Fixtures.days(30, after: start), orderID: "1", orderValue: Fixtures.usd(1_000),
            explanation: .orderPoints(orderID: "1"))
        let release = LedgerEntry(
            sequence: 2, key: .release(ofEntry: 1), kind: .earn, status: .available, points: 10,
            createdAt: Fixtures.days(29, after: start), references: 1, orderID: "1", explanation: .released)

        let ledger = Ledger(entries: [pending, release])

        #expect(ledger.verify() == [.releasedEarly(sequence: 2, pending: 1)])
    }

    @Test func plannedEntriesSurviveAJSONRoundTrip() throws {
        var harness = LedgerHarness(policy: Fixtures.policy(window: 10))
        try harness.order("1", total: 10_000, placedAt: start)
        try harness.redeem(20, at: Fixtures.days(11, after: start), key: "spend")
        try harness.refund("r1", order: "1", amount: 9_000, at: Fixtures.days(12, after: start))

        let data = try JSONEncoder().encode(harness.ledger.entries)
        let decoded = Ledger(entries: try JSONDecoder().decode([LedgerEntry].self, from: data))

        #expect(decoded == harness.ledger)
        #expect(decoded.balance == harness.ledger.balance)
        #expect(decoded.debt == harness.ledger.debt)
        #expect(decoded.isConsistent)
    }
}
