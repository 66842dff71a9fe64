import Foundation
import RegularsCore

/// Merchant settings the ledger planners apply.
public struct LedgerPolicy: Hashable, Sendable, Codable {
    /// Days an order's points stay pending (the return window); 0 makes them available at once.
    public var returnWindowDays: Int
    /// Days points stay spendable once available; `nil`: they never expire. Each lot expires on its own.
    public var pointsLifetimeDays: Int?
    /// What a refund of already-spent points does.
    public var shortfall: ShortfallPolicy
    /// The store's time zone: local days for the return window and expiry dates.
    public var timeZone: LoyaltyTimeZone

    public init(
        returnWindowDays: Int = 30, pointsLifetimeDays: Int? = 365,
        shortfall: ShortfallPolicy = .debtFromFutureEarnings, timeZone: LoyaltyTimeZone = .utc
    ) {
        self.returnWindowDays = max(0, returnWindowDays)
        self.pointsLifetimeDays = pointsLifetimeDays.map { max(1, $0) }
        self.shortfall = shortfall
        self.timeZone = timeZone
    }

    /// When points of an order placed at `placedAt` unlock: the same wall-clock time `returnWindowDays` local days
    /// later (DST-safe).
    public func unlockInstant(forOrderPlacedAt placedAt: Date) -> Date {
        timeZone.calendar.adding(days: max(0, returnWindowDays), to: placedAt)
    }

    /// When points that become available at `availableAt` expire: at the end of the local day
    /// `pointsLifetimeDays` after the day they became available (so "valid until" is a whole local day).
    public func expiryInstant(forPointsAvailableAt availableAt: Date) -> Date? {
        guard let days = pointsLifetimeDays else { return nil }
        return LocalDate(availableAt, in: timeZone.timeZone).adding(days: max(1, days)).endOfDay(in: timeZone.timeZone)
    }
}
