import Foundation

/// The generated time span in whole Unix seconds, with its precomputed activity calendar.
struct DemoWindow: Sendable {
    var start: Int64
    var end: Int64
    var activity: DemoActivityCalendar

    init(end: Date, years: Int) {
        self.end = Int64(end.timeIntervalSince1970.rounded(.down))
        self.start = DemoCalendar.subtractingYears(years, from: self.end)
        self.activity = DemoActivityCalendar(start: start, end: self.end)
    }

    static func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(seconds))
    }
}
