/// A calendar day, counted in days from 1970-01-01 (day 0) in the proleptic Gregorian calendar.
///
/// Transaction logs work at day granularity (the "buy till you die" literature's convention: several purchases of one
/// customer on one day are one transaction), so a day is stored as a plain `Int32`.
public struct EpochDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The day with the given civil date, or `nil` when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= EpochDay.daysInMonth(year: year, month: month),
            (-1_000_000...1_000_000).contains(year)
        else { return nil }
        self.rawValue = Int32(EpochDay.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `yyyy-MM-dd` or `yyyyMMdd`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let day = bytes.withUnsafeBufferPointer({ EpochDay.parse($0[...]) }) else { return nil }
        self = day
    }

    /// The civil date of this day.
    public var components: (year: Int, month: Int, day: Int) {
        EpochDay.civilFromDays(Int(rawValue))
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        let (year, month, day) = components
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return paddedYear + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    public func adding(days: Int) -> EpochDay {
        EpochDay(rawValue: rawValue + Int32(days))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: EpochDay) -> Int {
        Int(other.rawValue) - Int(rawValue)
    }

    public static func < (lhs: EpochDay, rhs: EpochDay) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = EpochDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected yyyy-MM-dd, got \(text)")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Civil calendar arithmetic (H. Hinnant's algorithms)

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the week, 1 = Sunday … 7 = Saturday (Foundation's numbering).
    var weekday: Int {
        // 1970-01-01 was a Thursday (5).
        let offset = (Int(rawValue) % 7 + 7) % 7
        return (offset + 4) % 7 + 1
    }

    /// Parses `yyyy-MM-dd` or `yyyyMMdd` from raw UTF-8 bytes.
    static func parse(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> EpochDay? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        let start = bytes.startIndex
        let year: Int?
        let month: Int?
        let day: Int?
        switch bytes.count {
        case 8:
            year = number(start..<start + 4)
            month = number(start + 4..<start + 6)
            day = number(start + 6..<start + 8)
        case 10:
            guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-") else { return nil }
            year = number(start..<start + 4)
            month = number(start + 5..<start + 7)
            day = number(start + 8..<start + 10)
        default:
            return nil
        }
        guard let year, let month, let day else { return nil }
        return EpochDay(year: year, month: month, day: day)
    }
}
