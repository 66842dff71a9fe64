import RegularsCore

/// A merchant's earning configuration: a Codable value stored as JSON.
public struct EarningRules: Hashable, Sendable, Codable {
    /// The base currency orders are valued in.
    public var currency: CurrencyCode
    /// The store's time zone: promotion dates and once-per-period actions are local to it.
    public var timeZone: LoyaltyTimeZone
    /// Points per amount of order value.
    public var rate: PointsRate
    /// Which parts of an order earn points.
    public var basis: OrderValueBasis
    /// Points for actions, at most one rule per action.
    public var actions: [ActionRule]
    /// Multipliers by date range and/or category.
    public var promotions: [Promotion]

    public init(
        currency: CurrencyCode, timeZone: LoyaltyTimeZone = .utc, rate: PointsRate,
        basis: OrderValueBasis = OrderValueBasis(), actions: [ActionRule] = [], promotions: [Promotion] = []
    ) {
        self.currency = currency
        self.timeZone = timeZone
        self.rate = rate
        self.basis = basis
        self.actions = actions
        self.promotions = promotions
    }

    /// The rule for `action`, if the merchant rewards it.
    public func rule(for action: LoyaltyAction) -> ActionRule? { actions.first { $0.action == action } }

    /// What is wrong with the configuration, in words for the admin; empty when it can be used.
    public var problems: [String] {
        var problems: [String] = []
        if rate.points < 0 || rate.perMinorUnits <= 0 {
            problems.append("the rate needs points ≥ 0 per a positive amount")
        }
        if rate.points > 1_000_000 { problems.append("the rate gives more than 1 000 000 points per amount") }
        var seen: Set<LoyaltyAction> = []
        for rule in actions {
            if !seen.insert(rule.action).inserted { problems.append("\(rule.action.rawValue) has two rules") }
            if rule.points <= 0 { problems.append("\(rule.action.rawValue) must give positive points") }
            if rule.action == .referral, rule.frequency != .oncePerSubject {
                problems.append("referral rewards are once per referred friend (once_per_subject)")
            }
            if rule.action == .birthday, rule.frequency != .oncePerYear {
                problems.append("the birthday reward is once per year (once_per_year)")
            }
        }
        for promotion in promotions {
            if promotion.multiplier < .one || promotion.multiplier.tenThousandths > 100 * Multiplier.scale {
                problems.append("promotion \(promotion.name) needs a multiplier from 1 to 100")
            }
            if let start = promotion.startDate, let end = promotion.endDate, end < start {
                problems.append("promotion \(promotion.name) ends before it starts")
            }
        }
        return problems
    }
}
