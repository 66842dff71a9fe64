import Foundation
import RegularsCore

/// A merchant's VIP tiers: a Codable value.
///
/// Upgrades are immediate: as soon as the qualifying value reaches a higher threshold. Downgrades happen only when a
/// tier is reviewed at the end of a period — and then only after `gracePeriodDays`, and only if the customer has
/// not requalified by then.
public struct TierProgram: Hashable, Sendable, Codable {
    public var metric: TierMetric
    public var window: TierWindow
    /// Days between a failed review and the downgrade; activity in between counts.
    public var gracePeriodDays: Int
    public var timeZone: LoyaltyTimeZone
    /// Tiers by ascending threshold; the first (threshold 0) is where every customer starts.
    public var tiers: [Tier]

    public init(
        metric: TierMetric, window: TierWindow, gracePeriodDays: Int = 30, timeZone: LoyaltyTimeZone = .utc,
        tiers: [Tier]
    ) {
        self.metric = metric
        self.window = window
        self.gracePeriodDays = gracePeriodDays
        self.timeZone = timeZone
        self.tiers = tiers
    }

    /// What is wrong with the configuration; empty when it can be used.
    public var problems: [String] {
        var problems: [String] = []
        guard let first = tiers.first else { return ["at least one tier is needed"] }
        if first.threshold != 0 { problems.append("the first tier's threshold must be 0") }
        for (lower, higher) in zip(tiers, tiers.dropFirst()) where higher.threshold <= lower.threshold {
            problems.append("\(higher.name)'s threshold must be above \(lower.name)'s")
        }
        if Set(tiers.map(\.id)).count != tiers.count { problems.append("tier ids must be unique") }
        for (position, tier) in tiers.enumerated() {
            if tier.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("tier \(position + 1) needs a name")
            }
            if tier.benefits.earningMultiplier.tenThousandths <= 0 {
                problems.append("\(tier.name)'s earning multiplier must be above 0")
            }
        }
        if gracePeriodDays < 0 { problems.append("the grace period cannot be negative") }
        return problems
    }

    /// The tier with `id`, if it exists.
    public func tier(id: String) -> Tier? { tiers.first { $0.id == id } }

    /// The highest tier whose threshold `value` reaches.
    public func tier(forValue value: Int64) -> Tier {
        tiers[tierIndex(forValue: value)]
    }

    /// The qualifying value at `instant`: the activity in the current window (rolling 12 months ending at the
    /// instant, or the calendar year to date).
    public func qualifyingValue(of activity: [TierActivity], at instant: Date) -> Int64 {
        let calendar = timeZone.calendar
        switch window {
        case .rolling12Months:
            let start = calendar.adding(months: -12, to: instant)
            return Self.sum(activity) { $0 > start && $0 <= instant }
        case .calendarYear:
            let year = LocalDate(instant, in: timeZone.timeZone).year
            let start = LocalDate(year: year, month: 1, day: 1).startOfDay(in: timeZone.timeZone)
            return Self.sum(activity) { $0 >= start && $0 <= instant }
        }
    }

    /// The qualifying value of the period that ends at review instant `end`: the 12 months up to it, or the
    /// calendar year that ends there.
    public func periodValue(of activity: [TierActivity], endingAt end: Date) -> Int64 {
        switch window {
        case .rolling12Months:
            return qualifyingValue(of: activity, at: end)
        case .calendarYear:
            let lastDay = LocalDate(end.addingTimeInterval(-1), in: timeZone.timeZone)
            let start = LocalDate(year: lastDay.year, month: 1, day: 1).startOfDay(in: timeZone.timeZone)
            return Self.sum(activity) { $0 >= start && $0 < end }
        }
    }

    /// The first review after `instant`: the next local new year, or 12 months later.
    public func nextReview(after instant: Date) -> Date {
        switch window {
        case .rolling12Months:
            return timeZone.calendar.adding(months: 12, to: instant)
        case .calendarYear:
            let year = LocalDate(instant, in: timeZone.timeZone).year
            return LocalDate(year: year + 1, month: 1, day: 1).startOfDay(in: timeZone.timeZone)
        }
    }

    func tierIndex(forValue value: Int64) -> Int {
        var index = 0
        for (position, tier) in tiers.enumerated() where value >= tier.threshold { index = position }
        return index
    }

    private static func sum(_ activity: [TierActivity], where included: (Date) -> Bool) -> Int64 {
        activity.reduce(0) { included($1.at) ? $0 + $1.amount : $0 }
    }
}
