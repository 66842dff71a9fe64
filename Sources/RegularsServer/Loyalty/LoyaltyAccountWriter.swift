import Foundation
import RegularsLoyalty
import SQLKit

/// Posts ledger plans for one customer inside the caller's write transaction: locks the account, reads the ledger,
/// lets a `RegularsLoyalty` planner decide, appends what it decided, and keeps the account's totals and VIP tier in
/// step — all or nothing.
struct LoyaltyAccountWriter: Sendable {
    let sql: any SQLDatabase
    let settings: LoyaltySettings

    struct Posted: Sendable {
        /// What the planner decided (`.alreadyRecorded` for a replayed trigger).
        let plan: LedgerPlan
        /// The ledger after the plan.
        let ledger: Ledger
    }

    enum Failure: Error {
        /// The stored ledger breaks an invariant: nothing is planned on it until someone looks.
        case inconsistentLedger(customerID: Int64, [LedgerViolation])
    }

    var store: LoyaltyLedgerStore { LoyaltyLedgerStore(sql: sql) }

    func post(customerID: Int64, at now: Date, _ planner: (Ledger) throws -> LedgerPlan) async throws -> Posted {
        try await store.lockAccount(customerID)
        let ledger = try await store.ledger(customerID)
        let plan = try planner(ledger)
        let entries = plan.newEntries
        guard !entries.isEmpty else { return Posted(plan: plan, ledger: ledger) }
        let after = try ledger.appending(entries)
        let violations = after.verify()
        guard violations.isEmpty else { throw Failure.inconsistentLedger(customerID: customerID, violations) }
        let tier = try await evaluateTier(customerID: customerID, ledger: after, at: now)
        try await store.append(
            entries, customerID: customerID, resulting: after,
            nextMaintenanceAt: [after.nextMaintenanceAt, tier.review].compactMap { $0 }.min(),
            snapshot: snapshot(of: after, at: now, qualifyingValue: tier.qualifyingValue))
        return Posted(plan: plan, ledger: after)
    }

    /// Carries the ledger of `other`, a customer being merged into `customerID`, onto this customer's ledger (see
    /// `Ledger.absorbing`: history, lots, expiries and pending points as they were) and brings the account's totals,
    /// tier and snapshot up to the combined ledger. `other`'s own rows go when the merge deletes it.
    func absorbLedger(of other: Int64, into customerID: Int64, at now: Date) async throws {
        let merged = try await store.ledger(other)
        guard !merged.entries.isEmpty else { return }
        _ = try await post(customerID: customerID, at: now) { ledger in
            do {
                return .append(try ledger.absorbing(merged, mergedCustomer: "\(other)"))
            } catch let refusal as LedgerMergeRefusal {
                throw Problem(
                    status: .conflict,
                    detail:
                        "Customers \(customerID) and \(other) are the same shopper, but their points cannot be combined "
                        + "automatically (\(refusal.violations.map(\.description).joined(separator: "; "))); "
                        + "settle one account by a manual adjustment first")
            }
        }
    }

    /// Runs due releases and expiries and any due tier review for the customer.
    func maintain(customerID: Int64, at now: Date) async throws {
        let posted = try await post(customerID: customerID, at: now) { $0.planMaintenance(at: now) }
        guard posted.plan.newEntries.isEmpty else { return }
        let tier = try await evaluateTier(customerID: customerID, ledger: posted.ledger, at: now)
        let next = [posted.ledger.nextMaintenanceAt, tier.review].compactMap { $0 }.min()
        let snapshot = snapshot(of: posted.ledger, at: now, qualifyingValue: tier.qualifyingValue)
        try await sql.raw(
            """
            UPDATE loyalty_accounts SET next_maintenance_at = \(bind: next.map { Instant($0).milliseconds }),
                summary = \(bind: snapshot.json)
            WHERE customer_id = \(bind: customerID)
            """
        ).run()
    }

    private func snapshot(of ledger: Ledger, at now: Date, qualifyingValue: Int64?) -> LoyaltyAccountSnapshot {
        LoyaltyAccountSnapshot(
            ledger: ledger, at: now, timeZone: settings.program.ledger.timeZone.timeZone,
            qualifyingValue: qualifyingValue)
    }

    /// Re-evaluates the customer's tier at `now` from the activity the programme's metric counts, records every
    /// change on the timeline, and returns when the tier must next be looked at (review or pending downgrade) and
    /// the window's qualifying value.
    private func evaluateTier(customerID: Int64, ledger: Ledger, at now: Date) async throws
        -> (review: Date?, qualifyingValue: Int64?)
    {
        guard let tiers = settings.program.tiers, tiers.problems.isEmpty else { return (nil, nil) }
        let current = try await sql.raw(
            "SELECT tier_status FROM loyalty_accounts WHERE customer_id = \(bind: customerID)"
        ).first(decodingColumn: "tier_status", as: String?.self).flatMap { $0 }
            .flatMap { try? JSONDecoder().decode(TierStatus.self, from: Data($0.utf8)) }
        let activity: [TierActivity]
        switch tiers.metric {
        case .pointsEarned: activity = TierActivity.pointsEarned(in: ledger)
        case .spend: activity = try await TierActivity.spend(customerID: customerID, on: sql)
        }
        let evaluation = tiers.evaluate(activity: activity, current: current, at: now)
        for change in evaluation.changes {
            try await sql.raw(
                """
                INSERT INTO loyalty_tier_changes (customer_id, changed_at, from_tier, to_tier, direction, qualifying_value)
                VALUES (\(bind: customerID), \(bind: Instant(change.at).milliseconds), \(bind: change.from),
                    \(bind: change.to), \(bind: change.direction.rawValue), \(bind: change.qualifyingValue))
                """
            ).run()
        }
        let status = String(decoding: try JSONEncoder().encode(evaluation.status), as: UTF8.self)
        try await sql.raw(
            """
            UPDATE loyalty_accounts SET tier_id = \(bind: evaluation.tier.id), tier_status = \(bind: status)
            WHERE customer_id = \(bind: customerID)
            """
        ).run()
        return (
            [evaluation.status.nextReviewAt, evaluation.pendingDowngrade?.at].compactMap { $0 }.min(),
            evaluation.qualifyingValue
        )
    }
}
