import Foundation
import RegularsCore

extension Ledger {
    /// Points still in lots, grouped by the local date (in `timeZone`) they expire on, earliest first. Lots already
    /// past their expiry at `now` are left out (they expire at the next maintenance); lots that never expire have no
    /// date and are not listed.
    public func expirySchedule(in timeZone: TimeZone, at now: Date? = nil) -> [ExpiryScheduleItem] {
        var byDate: [LocalDate: (expiresAt: Date, points: Int64, lots: [Int64])] = [:]
        for lot in openLots {
            guard let expiresAt = lot.expiresAt else { continue }
            if let now, lot.isExpired(at: now) { continue }
            let date = LocalDate(expiresAt, in: timeZone)
            var item = byDate[date] ?? (expiresAt, 0, [])
            item.expiresAt = min(item.expiresAt, expiresAt)
            item.points += lot.remaining
            item.lots.append(lot.id)
            byDate[date] = item
        }
        return byDate.keys.sorted().compactMap { date in
            byDate[date].map {
                ExpiryScheduleItem(date: date, expiresAt: $0.expiresAt, points: $0.points, lots: $0.lots)
            }
        }
    }
}
