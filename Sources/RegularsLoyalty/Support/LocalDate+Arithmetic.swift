import Foundation
import RegularsCore

extension LocalDate {
    /// The first day of the month `months` later (earlier when negative).
    func firstOfMonth(addingMonths months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return LocalDate(year: newYear, month: index - newYear * 12 + 1, day: 1)
    }

    /// The instant this date ends in `timeZone`: the start of the next day.
    func endOfDay(in timeZone: TimeZone) -> Date {
        adding(days: 1).startOfDay(in: timeZone)
    }
}
