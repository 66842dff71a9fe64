import Foundation
import RegularsCore

/// Formats instants for a page: in the store's time zone, in the page's language.
struct DisplayFormat: Sendable {
    let locale: SupportedLocale
    let timeZone: TimeZone

    func dateTime(_ milliseconds: Int64?) -> String? {
        milliseconds.map { format(Instant(milliseconds: $0).date, time: true) }
    }

    func dateTime(iso text: String?) -> String? {
        text.flatMap(Instant.init(isoText:)).map { format($0.date, time: true) }
    }

    func date(_ milliseconds: Int64?) -> String? {
        milliseconds.map { format(Instant(milliseconds: $0).date, time: false) }
    }

    private func format(_ date: Date, time: Bool) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: time ? .shortened : .omitted)
        style.locale = Locale(identifier: locale.rawValue)
        style.timeZone = timeZone
        return date.formatted(style)
    }

    /// "18 February" / "18 February 1990" in the page's language; a year-less birthday is shown without one.
    func birthday(_ birthday: Birthday) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? timeZone
        let components = DateComponents(year: birthday.year ?? 2000, month: birthday.month, day: birthday.day)
        guard let date = calendar.date(from: components) else { return birthday.isoString }
        var style = Date.FormatStyle(date: .omitted, time: .omitted).month(.wide).day()
        if birthday.year != nil { style = style.year() }
        style.locale = Locale(identifier: locale.rawValue)
        style.timeZone = calendar.timeZone
        return date.formatted(style)
    }

    /// A label from the catalogue for a stored value such as a status (`status_paid`), or the value itself.
    func label(_ prefix: String, _ value: String) -> String {
        let key = prefix + value.lowercased().replacingOccurrences(of: " ", with: "_")
        return Catalogue.shared.table(locale)[key] ?? value
    }
}
