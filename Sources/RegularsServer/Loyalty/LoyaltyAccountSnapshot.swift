import Foundation
import RegularsCore
import RegularsLoyalty

/// What the balance read needs, derived from the folded ledger when it is written and stored on the account row
/// (`loyalty_accounts.summary`), so reading a balance is one indexed row instead of a fold of every entry. Valid
/// until the account's `next_maintenance_at` (the next unlock, expiry or tier review); after it, readers fold the
/// ledger again.
struct LoyaltyAccountSnapshot: Codable, Sendable, Equatable {
    var balance: Int64
    var pending: Int64
    var debt: Int64
    var expirySchedule: [LoyaltyAccountSummary.ExpiryView]
    var pendingUnlocks: [LoyaltyAccountSummary.UnlockView]
    /// The tier programme's qualifying value (points earned or spend) in the current window, as of the last change.
    var qualifyingValue: Int64?

    /// The snapshot of `ledger` as it stands at `now` (due releases and expiries applied).
    init(ledger: Ledger, at now: Date, timeZone: TimeZone, qualifyingValue: Int64?) {
        let settled = ledger.settled(at: now)
        balance = settled.balance
        pending = settled.pendingPoints
        debt = settled.debt
        expirySchedule = settled.expirySchedule(in: timeZone, at: now).map {
            LoyaltyAccountSummary.ExpiryView(date: $0.date.description, points: $0.points)
        }
        pendingUnlocks = settled.pendingEntries.filter { $0.outstanding > 0 }.map {
            LoyaltyAccountSummary.UnlockView(
                unlocksAt: Instant($0.unlocksAt).iso8601, points: $0.outstanding, orderId: $0.orderID)
        }
        self.qualifyingValue = qualifyingValue
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self) }
}
