/// Proleptic Gregorian calendar arithmetic on Unix seconds (Howard Hinnant's civil-date algorithms), independent of
/// Foundation's calendar data so it behaves identically everywhere.
enum DemoCalendar {
    static let secondsPerDay: Int64 = 86_400
    static let secondsPerYear: Double = 365.2425 * 86_400

    static func days(fromCivil date: DemoCivilDate) -> Int64 {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let shiftedMonth = Int64(date.month > 2 ? date.month - 3 : date.month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(date.day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> DemoCivilDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        let month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return DemoCivilDate(year: year, month: month, day: day)
    }

    /// Whole days since 1970-01-01 containing `seconds` (floor division).
    static func day(containing seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay
    }

    /// 0 = Sunday ... 6 = Saturday.
    static func weekday(ofDay days: Int64) -> Int {
        Int(((days % 7) + 11) % 7)
    }

    static func isLeap(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(_ month: Int, year: Int64) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same wall-clock instant `years` calendar years earlier (Feb 29 clamps to Feb 28).
    static func subtractingYears(_ years: Int, from seconds: Int64) -> Int64 {
        let days = day(containing: seconds)
        let timeOfDay = seconds - days * secondsPerDay
        var date = civil(fromDays: days)
        date.year -= Int64(years)
        date.day = min(date.day, daysInMonth(date.month, year: date.year))
        return self.days(fromCivil: date) * secondsPerDay + timeOfDay
    }
}
