/// Relative shopping intensity over time: seasonality (with a Black Friday / Cyber Monday peak and a December gift
/// season), day of week and hour of day in the shopper's local time. Used to thin Poisson processes so that order
/// times look like real store traffic.
enum DemoActivity {
    /// Local hour-of-day weights (00:00 ... 23:00); evenings are busiest.
    static let hourWeights: [Double] = [
        0.35, 0.2, 0.12, 0.08, 0.08, 0.15, 0.3, 0.5, 0.7, 0.85, 1.0, 1.1,
        1.2, 1.15, 1.05, 1.0, 1.0, 1.1, 1.25, 1.45, 1.65, 1.6, 1.2, 0.7,
    ]
    /// Sunday ... Saturday.
    static let weekdayWeights: [Double] = [1.12, 1.06, 1.0, 0.98, 0.96, 0.9, 0.98]

    static let maximum: Double = 2.2 * 1.65 * 1.12

    /// Mean intensity over a whole year, so that rates can be expressed per year of ordinary time.
    static let mean: Double = {
        var seasonTotal = 0.0
        let first = DemoCalendar.days(fromCivil: .init(year: 2025, month: 1, day: 1))
        for offset in 0..<365 {
            let date = DemoCalendar.civil(fromDays: first + Int64(offset))
            seasonTotal += season(month: date.month, day: date.day)
        }
        let hourMean = hourWeights.reduce(0, +) / Double(hourWeights.count)
        let weekdayMean = weekdayWeights.reduce(0, +) / Double(weekdayWeights.count)
        return seasonTotal / 365 * hourMean * weekdayMean
    }()

    static func season(month: Int, day: Int) -> Double {
        switch month {
        case 1: return 0.8
        case 2: return 0.85
        case 3, 4: return 0.95
        case 5: return 1.0
        case 6: return 0.95
        case 7: return 0.9
        case 8: return 0.95
        case 9: return 1.0
        case 10: return 1.05
        case 11: return day >= 24 ? 2.2 : 1.1
        default: return day <= 2 ? 2.0 : (day <= 18 ? 1.45 : 0.95)
        }
    }

    /// Intensity at `seconds` for a shopper whose local clock is `utcOffsetHours` ahead of UTC.
    static func intensity(at seconds: Int64, utcOffsetHours: Int) -> Double {
        let local = seconds + Int64(utcOffsetHours) * 3_600
        let day = DemoCalendar.day(containing: local)
        let hour = Int((local - day * DemoCalendar.secondsPerDay) / 3_600)
        let date = DemoCalendar.civil(fromDays: day)
        return season(month: date.month, day: date.day) * weekdayWeights[DemoCalendar.weekday(ofDay: day)]
            * hourWeights[hour]
    }

    /// Whether `seconds` falls in the Black Friday / Cyber Monday window (Nov 24 - Dec 2, local time).
    static func isBlackFridayWindow(_ seconds: Int64, utcOffsetHours: Int) -> Bool {
        let local = seconds + Int64(utcOffsetHours) * 3_600
        let date = DemoCalendar.civil(fromDays: DemoCalendar.day(containing: local))
        return (date.month == 11 && date.day >= 24) || (date.month == 12 && date.day <= 2)
    }

    static func month(of seconds: Int64, utcOffsetHours: Int) -> Int {
        let local = seconds + Int64(utcOffsetHours) * 3_600
        return DemoCalendar.civil(fromDays: DemoCalendar.day(containing: local)).month
    }
}
