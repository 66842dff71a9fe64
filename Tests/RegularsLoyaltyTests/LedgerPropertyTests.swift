import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

/// Thousands of random operation sequences — orders, actions, redemptions (some racing), refunds, cancellations,
/// retries of earlier triggers, manual adjustments, maintenance, a merchant switching the shortfall policy — with
/// every invariant checked after every step.
@Suite struct LedgerPropertyTests {
    static let sequencesPerPolicy = 1_000
    static let stepsPerSequence = 60

    @Test(arguments: ShortfallPolicy.allCases)
    func invariantsHoldAfterEveryStep(startingWith shortfall: ShortfallPolicy) throws {
        var failures: [String] = []
        var totals = Totals()
        for index in 0..<Self.sequencesPerPolicy {
            let seed = UInt64(index) &* 2_654_435_761 &+ (shortfall == .negativeBalance ? 1 : 0)
            var run = RandomLedgerRun(seed: seed, shortfall: shortfall)
            for step in 0..<Self.stepsPerSequence {
                let problems = try run.step()
                if !problems.isEmpty {
                    failures.append("seed \(seed) step \(step): \(problems)")
                    break
                }
            }
            run.totals.expiries = run.harness.ledger.entries.filter { $0.kind == .expire }.count
            totals.add(run.totals)
        }

        let firstFailures = failures.prefix(5)
        #expect(failures.count == 0, "\(firstFailures)")
        // The runs must actually exercise the interesting paths, or they prove little.
        #expect(totals.refusedRedemptions > 100 && totals.redemptions > 1_000)
        #expect(totals.conflicts > 100 && totals.replays > 1_000)
        #expect(totals.shortfalls > 50 && totals.expiries > 500 && totals.voids > 100)
    }
}

/// What a batch of runs went through.
struct Totals {
    var redemptions = 0
    var refusedRedemptions = 0
    var conflicts = 0
    var replays = 0
    var shortfalls = 0
    var expiries = 0
    var voids = 0

    mutating func add(_ other: Totals) {
        redemptions += other.redemptions
        refusedRedemptions += other.refusedRedemptions
        conflicts += other.conflicts
        replays += other.replays
        shortfalls += other.shortfalls
        expiries += other.expiries
        voids += other.voids
    }
}

/// One random sequence of operations against one customer's ledger.
struct RandomLedgerRun {
    var generator: SeededGenerator
    var harness: LedgerHarness
    var now = Fixtures.utc(2025, 1, 1)
    var orders: [LoyaltyOrder] = []
    var refunded: [String: Int64] = [:]
    var fullyTakenBack: Set<String> = []
    var triggers: [(LedgerHarness) throws -> LedgerPlan] = []
    var totals = Totals()
    var counter = 0

    init(seed: UInt64, shortfall: ShortfallPolicy) {
        generator = SeededGenerator(seed: seed)
        let window = [0, 7, 30][Int(generator.int(0...2))]
        let lifetime = [nil, 20, 90, 365][Int(generator.int(0...3))]
        harness = LedgerHarness(policy: Fixtures.policy(window: window, lifetime: lifetime, shortfall: shortfall))
        harness.rules.actions = [
            ActionRule(action: .productReview, points: 15, frequency: .oncePerSubject),
            ActionRule(action: .firstOrder, points: 100, frequency: .onceEver),
        ]
    }

    /// Performs one random operation; returns the invariants it broke.
    mutating func step() throws -> [String] {
        now = now.addingTimeInterval(Double(generator.int(0...240)) * 3_600)
        counter += 1
        switch generator.int(0...11) {
        case 0, 1: try placeOrder()
        case 2: try review()
        case 3, 4: try redeem(generator.int(1...300))
        case 5, 6: try refund()
        case 7: try retry()
        case 8: try adjust()
        case 9: try harness.maintain(at: now)
        case 10: try race()
        default:
            if generator.chance(20) {
                harness.policy.shortfall =
                    harness.policy.shortfall == .negativeBalance ? .debtFromFutureEarnings : .negativeBalance
            }
            try harness.maintain(at: now)
        }
        return check()
    }

    private mutating func placeOrder() throws {
        let order = Fixtures.order(
            "o\(counter)", total: generator.int(0...30_000),
            placedAt: now.addingTimeInterval(-Double(generator.int(0...48)) * 3_600))
        orders.append(order)
        let earned = Fixtures.points(order, rules: harness.rules)
        let policy = harness.policy
        let at = now
        let trigger: (LedgerHarness) throws -> LedgerPlan = {
            $0.ledger.planOrderPoints(earned, placedAt: order.placedAt, policy: policy, at: at)
        }
        try harness.apply(trigger(harness))
        triggers.append(trigger)
        if orders.count == 1 {
            try harness.apply(
                harness.ledger.planAction(.firstOrder(order, at: now), rules: harness.rules, policy: policy))
        }
    }

    private mutating func review() throws {
        let event = ActionEvent(action: .productReview, at: now, subject: "p\(generator.int(0...5))")
        let rules = harness.rules
        let policy = harness.policy
        let trigger: (LedgerHarness) throws -> LedgerPlan = {
            try $0.ledger.planAction(event, rules: rules, policy: policy)
        }
        try harness.apply(trigger(harness))
        triggers.append(trigger)
    }

    private mutating func redeem(_ points: Int64) throws {
        let spendable = harness.ledger.spendableBalance(at: now)
        let request = RedemptionRequest(points: points, at: now, key: .api("k\(counter)"))
        do {
            let plan = try harness.ledger.planRedemption(request)
            try harness.apply(plan)
            totals.redemptions += 1
            if spendable < points || harness.ledger.balance != spendable - points {
                throw PropertyFailure("redeemed \(points) of \(spendable)")
            }
            triggers.append { try $0.ledger.planRedemption(request) }
        } catch LedgerRefusal.insufficientBalance(let available, _) {
            totals.refusedRedemptions += 1
            if spendable >= points || available != max(0, spendable) {
                throw PropertyFailure("refused \(points) with \(spendable) spendable (said \(available))")
            }
        }
    }

    private mutating func refund() throws {
        guard !orders.isEmpty else { return }
        let order = orders[Int(generator.int(0...Int64(orders.count - 1)))]
        let total = order.total.minorUnits
        let refund: OrderRefund
        if generator.chance(15) {
            refund = .cancellation(orderID: order.orderID, currency: Fixtures.usd, at: now)
            fullyTakenBack.insert(order.orderID)
        } else {
            let amount = generator.int(0...max(0, total - (refunded[order.orderID] ?? 0)))
            refund = .refund(id: "r\(counter)", orderID: order.orderID, amount: Fixtures.usd(amount), at: now)
            refunded[order.orderID, default: 0] += amount
            if refunded[order.orderID, default: 0] >= total { fullyTakenBack.insert(order.orderID) }
        }
        let policy = harness.policy
        let trigger: (LedgerHarness) throws -> LedgerPlan = { try $0.ledger.planRefund(refund, policy: policy) }
        let entries = try harness.apply(trigger(harness))
        totals.shortfalls += entries.filter { $0.shortfall != nil }.count
        totals.voids += entries.filter { $0.status == .void && $0.points < 0 }.count
        triggers.append(trigger)
    }

    /// A webhook, job or API call delivered again: nothing may change.
    private mutating func retry() throws {
        guard !triggers.isEmpty else { return }
        let trigger = triggers[Int(generator.int(0...Int64(triggers.count - 1)))]
        let before = harness.ledger
        let plan = try trigger(harness)
        try harness.apply(plan)
        totals.replays += 1
        if harness.ledger != before { throw PropertyFailure("a retry appended \(plan.newEntries)") }
    }

    private mutating func adjust() throws {
        let points = generator.chance(50) ? generator.int(1...200) : -generator.int(1...200)
        let adjustment = ManualAdjustment(
            key: .adjustment("t\(counter)"), points: points, actor: "admin", reason: "goodwill", at: now)
        do {
            try harness.apply(harness.ledger.planAdjustment(adjustment, policy: harness.policy))
        } catch LedgerRefusal.insufficientBalance {
            if harness.ledger.spendableBalance(at: now) >= -points { throw PropertyFailure("adjustment refused") }
        }
    }

    /// Two redemptions planned from the same snapshot, as two server instances would: only the first can append.
    private mutating func race() throws {
        let snapshot = harness.ledger
        let amount = max(1, snapshot.spendableBalance(at: now) * 2 / 3)
        guard
            let first = try? snapshot.planRedemption(
                RedemptionRequest(points: amount, at: now, key: .api("a\(counter)"))),
            let second = try? snapshot.planRedemption(
                RedemptionRequest(points: amount, at: now, key: .api("b\(counter)")))
        else { return }
        try harness.apply(first)
        do {
            _ = try harness.ledger.appending(second.newEntries)
            throw PropertyFailure("a stale plan was appended")
        } catch is LedgerConflict {
            totals.conflicts += 1
        }
        try redeem(amount)
    }

    private func check() -> [String] {
        let ledger = harness.ledger
        var problems = ledger.verify().map(\.description)
        if ledger.overdraft == 0, ledger.balance < 0 { problems.append("negative balance without overdraft") }
        if ledger.debt < 0 || ledger.pendingPoints < 0 { problems.append("negative debt or pending") }
        if ledger.settled(at: now).openLots.contains(where: { $0.isExpired(at: now) }) {
            problems.append("an expired lot kept its points")
        }
        if ledger.entries.count % 7 == 0, Ledger(entries: ledger.entries).balance != ledger.balance {
            problems.append("rebuilding from the entries changed the balance")
        }
        for orderID in fullyTakenBack {
            for credit in ledger.orderCredits[orderID] ?? [] {
                guard let link = ledger.links[credit] else { continue }
                let lot = link.lot.flatMap { ledger.lot($0) }
                let gone = (lot?.expired ?? 0) + (lot?.adjustedAway ?? 0)
                if link.taken + gone != link.points || (lot?.remaining ?? 0) != 0 {
                    problems.append("order \(orderID) was fully refunded but kept points of credit \(credit)")
                }
            }
        }
        return problems
    }
}

/// A broken property, thrown out of a step.
struct PropertyFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
