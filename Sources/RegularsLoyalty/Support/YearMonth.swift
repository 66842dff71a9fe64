import Foundation
import RegularsCore

/// A calendar month with no time zone, e.g. the month a lot of points expires in.
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public init(_ date: LocalDate) {
        self.init(year: date.year, month: date.month)
    }

    /// The month of `instant` in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        self.init(LocalDate(instant, in: timeZone))
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// "YYYY-MM".
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}
