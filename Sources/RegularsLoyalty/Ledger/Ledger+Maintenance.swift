import Foundation

extension Ledger {
    /// The entries `now` makes due: pending points past their unlock instant released (each repaying any negative
    /// balance or debt first), and every lot past its expiry instant emptied of what is left of it — one `expire`
    /// entry per lot, never more than the lot holds, so expiry never wipes points that have not reached their date.
    /// Keys are `release:<entry>` and `expire:<lot>`, so running it twice appends nothing the second time.
    public func planMaintenance(at now: Date) -> LedgerPlan {
        var builder = PlanBuilder(self)
        builder.settle(at: now)
        return builder.plan
    }

    /// This ledger as it stands at `now` once due releases and expiries are applied: what the shopper can spend.
    public func settled(at now: Date) -> Ledger {
        var builder = PlanBuilder(self)
        builder.settle(at: now)
        return builder.ledger
    }

    /// The spendable balance at `now`: expired lots excluded and matured pending points included, whether or not
    /// the maintenance entries have been appended yet.
    public func spendableBalance(at now: Date) -> Int64 { settled(at: now).balance }

    /// The earliest instant maintenance has something to do: the next unlock of pending points or expiry of a lot
    /// that still holds points; `nil` when nothing is scheduled. Store it beside the account so a job can find the
    /// accounts that are due with an index instead of reading every ledger.
    public var nextMaintenanceAt: Date? {
        let unlocks = pendingEntries.filter { $0.outstanding > 0 }.map(\.unlocksAt)
        let expiries = lots.filter { $0.remaining > 0 }.compactMap(\.expiresAt)
        return (unlocks + expiries).min()
    }
}
