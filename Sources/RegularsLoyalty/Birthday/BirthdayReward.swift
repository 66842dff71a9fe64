import Foundation
import RegularsCore

/// The birthday rule: the reward is due on the shopper's local celebration date (Feb 29 birthdays on Feb 28 in
/// common years), once per year, keyed `birthday:YYYY`.
///
/// "Today" is the calendar date in the shopper's own time zone, computed from the instant, so a day that is 23 or 25
/// hours long because of a DST change is still exactly one celebration day. A job that checks every hour (or at
/// least once within every local day) therefore never misses a birthday, and the key makes it give the reward once.
public enum BirthdayReward: Sendable {
    /// The idempotency key of year `year`'s reward.
    public static func key(forYear year: Int) -> IdempotencyKey { .birthday(year: year) }

    /// The shopper's celebration date if `instant` falls on it in `timeZone`, otherwise `nil`.
    public static func celebration(of birthday: Birthday, at instant: Date, in timeZone: TimeZone) -> LocalDate? {
        let today = LocalDate(instant, in: timeZone)
        return birthday.celebration(in: today.year) == today ? today : nil
    }

    /// Whether `instant` is on the shopper's celebration date in `timeZone`.
    public static func isCelebrated(_ birthday: Birthday, at instant: Date, in timeZone: TimeZone) -> Bool {
        celebration(of: birthday, at: instant, in: timeZone) != nil
    }

    /// The instants the celebration of `year` starts and ends in `timeZone` (end exclusive; 23 or 25 hours long on
    /// a DST change).
    public static func celebrationInterval(of birthday: Birthday, year: Int, in timeZone: TimeZone) -> DateInterval {
        let date = birthday.celebration(in: year)
        let start = date.startOfDay(in: timeZone)
        return DateInterval(start: start, end: date.endOfDay(in: timeZone))
    }

    /// Whether the reward of `year` is already in the ledger.
    public static func hasBeenRewarded(in ledger: Ledger, year: Int) -> Bool {
        ledger.contains(key: key(forYear: year))
    }
}
