/// A month and day of birth, with the year when the customer gave it.
public struct Birthday: Hashable, Sendable, Codable {
    public let month: Int
    public let day: Int
    public let year: Int?

    public init?(month: Int, day: Int, year: Int? = nil) {
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...longest[month - 1]).contains(day) else { return nil }
        if let year {
            guard (1900...2100).contains(year), month != 2 || day != 29 || LocalDate.isLeapYear(year) else {
                return nil
            }
        }
        self.month = month
        self.day = day
        self.year = year
    }

    /// Parses "YYYY-MM-DD", "--MM-DD" (ISO 8601 without year) or "MM-DD".
    public init?(parsing text: String) {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: true).map { Int($0) }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = parts.compactMap { $0 }
        switch numbers.count {
        case 3: self.init(month: numbers[1], day: numbers[2], year: numbers[0])
        case 2: self.init(month: numbers[0], day: numbers[1])
        default: return nil
        }
    }

    /// The date the birthday is celebrated in `year`: Feb 29 birthdays fall on Feb 28 in common years.
    public func celebration(in year: Int) -> LocalDate {
        if month == 2, day == 29, !LocalDate.isLeapYear(year) {
            return LocalDate(year: year, month: 2, day: 28)
        }
        return LocalDate(year: year, month: month, day: day)
    }

    /// "YYYY-MM-DD" when the year is known, otherwise "--MM-DD".
    public var isoString: String {
        let monthDay = "\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        guard let year else { return "--" + monthDay }
        return "\(year)-" + monthDay
    }
}
