import Foundation

/// Strict, allocation-free parsing of the timestamp forms stores send:
/// `2021-12-31T19:00:00-05:00`, `2015-12-12T19:11:01.249Z`, `2019-01-01 00:00:00.000Z`,
/// `2024-01-15 10:23:45 -0500` (Shopify CSV exports), `2017-03-22T19:28:02` (no offset: `defaultOffset` applies)
/// and date-only `2024-01-15` (midnight at `defaultOffset`, or in `defaultTimeZone` when given).
enum TimestampParser {
    static func parse(_ text: String, defaultOffsetSeconds: Int = 0, defaultTimeZone: TimeZone? = nil) -> Date? {
        var scanner = TimestampScanner(Array(text.utf8))
        scanner.skipSpaces()
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.digits(2)
        else { return nil }
        guard (1900...9999).contains(year), (1...12).contains(month),
            (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        scanner.skipSpaces()
        if scanner.atEnd {
            return instant(
                year: year, month: month, day: day, hour: 0, minute: 0, second: 0, fraction: 0,
                offset: offsetSeconds(in: defaultTimeZone, year: year, month: month, day: day, hour: 0)
                    ?? defaultOffsetSeconds)
        }
        guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.previousWasSpace
        else { return nil }
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")), let minute = scanner.digits(2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.take(UInt8(ascii: ":")) {
            guard let parsed = scanner.digits(2) else { return nil }
            second = parsed
            if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
                guard let value = scanner.fraction() else { return nil }
                fraction = value
            }
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        scanner.skipSpaces()
        var offset: Int
        if scanner.atEnd {
            offset =
                offsetSeconds(in: defaultTimeZone, year: year, month: month, day: day, hour: hour)
                ?? defaultOffsetSeconds
        } else if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) || scanner.takeWord("UTC")
            || scanner.takeWord("GMT")
        {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(2), hours <= 18 else { return nil }
            var minutes = 0
            if scanner.take(UInt8(ascii: ":")) {
                guard let parsed = scanner.digits(2) else { return nil }
                minutes = parsed
            } else if let parsed = scanner.digits(2) {
                minutes = parsed
            }
            guard minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction,
            offset: offset)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The UTC offset `timeZone` has at that local wall time (approximated by the offset at the same UTC time).
    static func offsetSeconds(in timeZone: TimeZone?, year: Int, month: Int, day: Int, hour: Int) -> Int? {
        guard let timeZone else { return nil }
        let guess = instant(
            year: year, month: month, day: day, hour: hour, minute: 0, second: 0, fraction: 0, offset: 0)
        let first = timeZone.secondsFromGMT(for: guess)
        return timeZone.secondsFromGMT(for: guess.addingTimeInterval(TimeInterval(-first)))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func instant(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double, offset: Int
    ) -> Date {
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }
}
