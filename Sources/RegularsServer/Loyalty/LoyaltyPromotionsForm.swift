import Foundation
import RegularsCore
import RegularsLoyalty

/// The promotions form on `/loyalty` (posted to `/loyalty/promotions`): a row per promotion — name, multiplier,
/// first and last day (store time zone, inclusive, either optional), categories (comma-separated; none: every line)
/// — with a box to remove it, and blank rows to add one.
struct LoyaltyPromotionsForm: LoyaltyProgramForm, Equatable {
    static let blankRows = 2

    var rows: [Row]
    var mistakes: [String] = []

    struct Row: Encodable, Sendable, Equatable {
        var index: Int
        var name: String
        var multiplier: String
        var starts: String
        var ends: String
        var categories: String
        var remove: Bool

        var isBlank: Bool {
            name.isEmpty && multiplier.isEmpty && starts.isEmpty && ends.isEmpty && categories.isEmpty
        }
    }

    init(program: LoyaltyProgram, currency: CurrencyCode, locale: SupportedLocale) {
        rows = program.earning.promotions.enumerated().map { index, promotion in
            Row(
                index: index, name: promotion.name, multiplier: promotion.multiplier.description,
                starts: promotion.startDate?.description ?? "", ends: promotion.endDate?.description ?? "",
                categories: (promotion.categories ?? []).sorted().joined(separator: ", "), remove: false)
        }
        rows += (rows.count..<rows.count + Self.blankRows).map {
            Row(index: $0, name: "", multiplier: "", starts: "", ends: "", categories: "", remove: false)
        }
    }

    init(fields: LoyaltyFormFields, currency: CurrencyCode, locale: SupportedLocale) {
        var rows: [Row] = []
        while rows.count < 100, fields.has("promotion_\(rows.count)_name") {
            let prefix = "promotion_\(rows.count)_"
            rows.append(
                Row(
                    index: rows.count, name: fields.text(prefix + "name"),
                    multiplier: fields.text(prefix + "multiplier"), starts: fields.text(prefix + "starts"),
                    ends: fields.text(prefix + "ends"), categories: fields.text(prefix + "categories"),
                    remove: fields.isOn(prefix + "remove")))
        }
        self.rows = rows
    }

    /// "2026-12-05" as a calendar date; `nil` for anything else, including days a month does not have.
    static func date(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let days = [31, LocalDate.isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    func program(applying current: LoyaltyProgram) throws(LoyaltyFormRejection) -> LoyaltyProgram {
        var mistakes: [String] = []
        var promotions: [Promotion] = []
        for row in rows where !row.remove && !row.isBlank {
            let label = row.name.isEmpty ? "the promotion on row \(row.index + 1)" : "promotion \(row.name)"
            if row.name.isEmpty { mistakes.append("\(label) needs a name") }
            let multiplier = Multiplier(row.multiplier)
            if multiplier == nil { mistakes.append("\(label) needs a multiplier like 2 or 1.5") }
            let starts = row.starts.isEmpty ? nil : Self.date(row.starts)
            if !row.starts.isEmpty, starts == nil {
                mistakes.append("\(label)'s first day must be a date (YYYY-MM-DD)")
            }
            let ends = row.ends.isEmpty ? nil : Self.date(row.ends)
            if !row.ends.isEmpty, ends == nil { mistakes.append("\(label)'s last day must be a date (YYYY-MM-DD)") }
            let categories = Set(
                row.categories.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                })
            promotions.append(
                Promotion(
                    name: row.name, multiplier: multiplier ?? .one, startDate: starts, endDate: ends,
                    categories: categories.isEmpty ? nil : categories))
        }
        guard mistakes.isEmpty else { throw LoyaltyFormRejection(mistakes: mistakes) }
        var program = current
        program.earning.promotions = promotions
        guard program.problems.isEmpty else { throw LoyaltyFormRejection(mistakes: program.problems) }
        return program
    }
}
