/// Day-level factors of ``DemoActivity`` precomputed for every local day of a window, so the hot thinning loops
/// avoid calendar arithmetic.
final class DemoActivityCalendar: Sendable {
    /// Local day number (days since 1970-01-01) of `dayFactors[0]`.
    private let firstDay: Int64
    /// Season x weekday factor per local day.
    private let dayFactors: [Double]
    private let hourWeights: [Double]

    init(start: Int64, end: Int64) {
        // Local days can be up to 14 hours away from UTC days.
        firstDay = DemoCalendar.day(containing: start) - 1
        let lastDay = DemoCalendar.day(containing: end) + 1
        var factors: [Double] = []
        factors.reserveCapacity(Int(lastDay - firstDay + 1))
        for day in firstDay...lastDay {
            let date = DemoCalendar.civil(fromDays: day)
            factors.append(
                DemoActivity.season(month: date.month, day: date.day)
                    * DemoActivity.weekdayWeights[DemoCalendar.weekday(ofDay: day)])
        }
        dayFactors = factors
        hourWeights = DemoActivity.hourWeights
    }

    /// Same value as ``DemoActivity/intensity(at:utcOffsetHours:)``.
    func intensity(at seconds: Int64, utcOffsetHours: Int) -> Double {
        let local = seconds + Int64(utcOffsetHours) * 3_600
        let day = DemoCalendar.day(containing: local)
        let index = Int(day - firstDay)
        guard index >= 0 && index < dayFactors.count else {
            return DemoActivity.intensity(at: seconds, utcOffsetHours: utcOffsetHours)
        }
        return dayFactors[index] * hourWeights[Int((local - day * DemoCalendar.secondsPerDay) / 3_600)]
    }
}
