import Foundation
import RegularsCore

/// A reporting period `from`–`to` of local dates in the store's time zone (both inclusive), as instants.
struct AnalyticsPeriod: Sendable {
    var start: Instant
    var end: Instant
    /// The first and last local dates of the period.
    var firstDay: LocalDate
    var lastDay: LocalDate

    /// The month numbers (`year × 12 + month − 1`) of the first and last dates, as the cohort rollups number months.
    var months: ClosedRange<Int> { (firstDay.year * 12 + firstDay.month - 1)...(lastDay.year * 12 + lastDay.month - 1) }

    /// Defaults to the last 365 days up to today.
    static func parse(from: String?, to: String?, timeZone: TimeZone, now: Date = Date()) throws(Problem)
        -> AnalyticsPeriod
    {
        func day(_ text: String?, field: String) throws(Problem) -> LocalDate? {
            guard let text else { return nil }
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
                throw Problem.invalidField(field, "must be a date YYYY-MM-DD")
            }
            return LocalDate(year: parts[0], month: parts[1], day: parts[2])
        }
        let last = try day(to, field: "to") ?? LocalDate(now, in: timeZone)
        let first = try day(from, field: "from") ?? last.adding(days: -364)
        guard first <= last else { throw Problem.invalidField("from", "must not be after to") }
        return AnalyticsPeriod(
            start: Instant(first.startOfDay(in: timeZone)), end: Instant(last.adding(days: 1).startOfDay(in: timeZone)),
            firstDay: first, lastDay: last)
    }
}
