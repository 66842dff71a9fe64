import Foundation

/// Parses `yyyy-MM-dd` and ISO-8601 date-times (`yyyy-MM-ddTHH:mm[:ss[.fff]][Z|±HH:MM|±HHMM]`, `T` or a space)
/// into the calendar day in a target time zone.
///
/// A date-time with a zone designator is an instant and is converted to the target zone's day; a date or a
/// date-time without one is taken as already local to the target zone, so its date part is the day.
enum ISODateParser {
    static func day(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, timeZone: TimeZone, isUTC: Bool) -> EpochDay? {
        let start = bytes.startIndex
        if bytes.count == 10 || bytes.count == 8 { return EpochDay.parse(bytes) }
        guard bytes.count >= 16, let date = EpochDay.parse(bytes.base[start..<start + 10]),
            bytes[start + 10] == UInt8(ascii: "T") || bytes[start + 10] == UInt8(ascii: " ")
        else { return nil }
        func digits(_ offset: Int, _ count: Int) -> Int? {
            guard start + offset + count <= bytes.endIndex else { return nil }
            var value = 0
            for i in 0..<count {
                let byte = bytes[start + offset + i]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let hour = digits(11, 2), bytes[start + 13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            hour < 24, minute < 60
        else { return nil }
        var index = start + 16
        var second = 0
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") {
            guard let s = digits(17, 2), s < 61 else { return nil }
            second = s
            index += 3
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                let fractionStart = index
                while index < bytes.endIndex, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                guard index > fractionStart else { return nil }
            }
        }
        if index == bytes.endIndex { return date }
        var offsetSeconds = 0
        let designator = bytes[index]
        if designator == UInt8(ascii: "Z") || designator == UInt8(ascii: "z") {
            guard index + 1 == bytes.endIndex else { return nil }
        } else if designator == UInt8(ascii: "+") || designator == UInt8(ascii: "-") {
            let rest = bytes.endIndex - index - 1
            let relative = index - start + 1
            let hours: Int?
            let minutes: Int?
            switch rest {
            case 2:
                hours = digits(relative, 2)
                minutes = 0
            case 4:
                hours = digits(relative, 2)
                minutes = digits(relative + 2, 2)
            case 5:
                guard bytes[index + 3] == UInt8(ascii: ":") else { return nil }
                hours = digits(relative, 2)
                minutes = digits(relative + 3, 2)
            default:
                return nil
            }
            guard let hours, let minutes, hours < 24, minutes < 60 else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (designator == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let instant = Int(date.rawValue) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        if isUTC {
            return EpochDay(rawValue: Int32((Double(instant) / 86_400).rounded(.down)))
        }
        return EpochDay(date: Date(timeIntervalSince1970: Double(instant)), timeZone: timeZone)
    }
}
