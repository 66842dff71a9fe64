import Foundation

extension Calendar {
    /// A Gregorian calendar in `timeZone`, for wall-clock arithmetic that is DST-safe.
    static func gregorian(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// `instant` moved by whole calendar days (same wall-clock time, across DST changes).
    func adding(days: Int, to instant: Date) -> Date {
        date(byAdding: .day, value: days, to: instant) ?? instant.addingTimeInterval(Double(days) * 86_400)
    }

    /// `instant` moved by whole calendar months (the day is clamped to the month's length, Mar 31 − 1 month = Feb 28).
    func adding(months: Int, to instant: Date) -> Date {
        date(byAdding: .month, value: months, to: instant) ?? instant.addingTimeInterval(Double(months) * 2_629_746)
    }
}
