import Foundation
import RegularsCore
import RegularsLoyalty

/// The VIP tiers form on `/loyalty` (posted to `/loyalty/tiers`): what tiers measure, over which window, the grace
/// before a downgrade, and a row per tier plus blank rows to add one. Spend thresholds are typed in the base
/// currency's major units and stored in minor units, parsed exactly (`Money.parseMinorUnits`). A programme left with
/// no tier has tiers turned off.
struct LoyaltyTiersForm: LoyaltyProgramForm, Equatable {
    static let blankRows = 3

    var metric: String
    var window: String
    var graceDays: String
    var rows: [Row]
    var mistakes: [String] = []
    var currency: String

    struct Row: Encodable, Sendable, Equatable {
        var index: Int
        /// The stored tier's id; empty on a row that adds one.
        var id: String
        var name: String
        var threshold: String
        var multiplier: String
        var freeShipping: Bool
        var earlyAccess: Bool
        var remove: Bool

        var isBlank: Bool { id.isEmpty && name.isEmpty && threshold.isEmpty }
    }

    private let digits: Int

    init(program: LoyaltyProgram, currency: CurrencyCode, locale: SupportedLocale) {
        let tiers = program.tiers
        let metric = tiers?.metric ?? .pointsEarned
        self.metric = metric.rawValue
        window = (tiers?.window ?? .rolling12Months).rawValue
        graceDays = String(tiers?.gracePeriodDays ?? 30)
        self.currency = currency.code
        digits = currency.minorUnitDigits
        rows = (tiers?.tiers ?? []).enumerated().map { index, tier in
            Row(
                index: index, id: tier.id, name: tier.name,
                threshold: metric == .spend
                    ? Money.decimalString(minorUnits: tier.threshold, digits: currency.minorUnitDigits)
                    : String(tier.threshold),
                multiplier: tier.benefits.earningMultiplier.description, freeShipping: tier.benefits.freeShipping,
                earlyAccess: tier.benefits.earlyAccess, remove: false)
        }
        rows += Self.blank(from: rows.count)
    }

    init(fields: LoyaltyFormFields, currency: CurrencyCode, locale: SupportedLocale) {
        metric = fields.text("metric")
        window = fields.text("window")
        graceDays = fields.text("grace_days")
        self.currency = currency.code
        digits = currency.minorUnitDigits
        var rows: [Row] = []
        while rows.count < 100, fields.has("tier_\(rows.count)_name") {
            let prefix = "tier_\(rows.count)_"
            rows.append(
                Row(
                    index: rows.count, id: fields.text(prefix + "id"), name: fields.text(prefix + "name"),
                    threshold: fields.text(prefix + "threshold"), multiplier: fields.text(prefix + "multiplier"),
                    freeShipping: fields.isOn(prefix + "free_shipping"),
                    earlyAccess: fields.isOn(prefix + "early_access"), remove: fields.isOn(prefix + "remove")))
        }
        self.rows = rows
    }

    static func blank(from index: Int) -> [Row] {
        (index..<index + blankRows).map {
            Row(
                index: $0, id: "", name: "", threshold: "", multiplier: "", freeShipping: false, earlyAccess: false,
                remove: false)
        }
    }

    func program(applying current: LoyaltyProgram) throws(LoyaltyFormRejection) -> LoyaltyProgram {
        var mistakes: [String] = []
        let metric = TierMetric(rawValue: self.metric)
        if metric == nil { mistakes.append("choose what tiers measure: spend or points earned") }
        let window = TierWindow(rawValue: self.window)
        if window == nil { mistakes.append("choose the window: rolling 12 months or calendar year") }
        let grace = Int(graceDays)
        if grace.map({ !(0...3_650).contains($0) }) ?? true {
            mistakes.append("the downgrade grace must be a whole number of days from 0 to 3650")
        }
        let existing = current.tiers?.tiers ?? []
        var usedIDs = Set(rows.filter { !$0.remove }.map(\.id).filter { !$0.isEmpty })
        var tiers: [Tier] = []
        for row in rows where !row.remove && !row.isBlank {
            let label = row.name.isEmpty ? "row \(row.index + 1)" : row.name
            var threshold: Int64?
            if row.threshold.isEmpty {
                mistakes.append("\(label) needs a threshold")
            } else if metric == .spend {
                threshold = try? Money.parseMinorUnits(row.threshold, digits: digits)
                if threshold == nil { mistakes.append("\(label)'s threshold must be an amount like 250.00") }
            } else {
                threshold = Int64(row.threshold)
                if threshold == nil { mistakes.append("\(label)'s threshold must be a whole number of points") }
            }
            let multiplier = row.multiplier.isEmpty ? Multiplier.one : Multiplier(row.multiplier)
            if multiplier == nil { mistakes.append("\(label)'s earning multiplier must be a number like 1.5") }
            var id = row.id
            if id.isEmpty {
                id = Self.newID(for: row.name, avoiding: usedIDs)
                usedIDs.insert(id)
            }
            let kept = existing.first { $0.id == id }?.benefits.exclusiveRewards ?? []
            tiers.append(
                Tier(
                    id: id, name: row.name, threshold: threshold ?? 0,
                    benefits: TierBenefits(
                        earningMultiplier: multiplier ?? .one, exclusiveRewards: kept, earlyAccess: row.earlyAccess,
                        freeShipping: row.freeShipping)))
        }
        guard mistakes.isEmpty, let metric, let window, let grace else {
            throw LoyaltyFormRejection(mistakes: mistakes)
        }
        var program = current
        program.tiers =
            tiers.isEmpty
            ? nil
            : TierProgram(
                metric: metric, window: window, gracePeriodDays: grace,
                timeZone: current.tiers?.timeZone ?? current.earning.timeZone, tiers: tiers)
        guard program.problems.isEmpty else { throw LoyaltyFormRejection(mistakes: program.problems) }
        return program
    }

    /// A stable id for a new tier: its name in lower-case ASCII letters and digits, made unique.
    static func newID(for name: String, avoiding used: Set<String>) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "tier" }
        var candidate = slug
        var number = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        return candidate
    }
}
