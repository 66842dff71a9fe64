import Foundation
import RegularsCore

/// Points that will expire on one local date (the date of the expiry instant: they are spendable until that day
/// begins).
public struct ExpiryScheduleItem: Hashable, Sendable {
    public let date: LocalDate
    /// The earliest expiry instant among the lots of that date.
    public let expiresAt: Date
    public let points: Int64
    /// The lots that expire that day.
    public let lots: [Int64]
}
