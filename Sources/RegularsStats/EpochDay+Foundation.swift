import Foundation

extension EpochDay {
    /// The calendar day on which `date` falls in `timeZone`.
    public init(date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(rawValue: Int32((seconds / 86_400).rounded(.down)))
    }

    /// The instant at which this day starts (local midnight) in `timeZone`.
    public func startDate(in timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date {
        let utcMidnight = Double(rawValue) * 86_400
        var offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight))
        let refined = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight - Double(offset)))
        if refined != offset { offset = refined }
        return Date(timeIntervalSince1970: utcMidnight - Double(offset))
    }
}
