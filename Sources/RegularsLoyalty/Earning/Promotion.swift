import RegularsCore

/// A points multiplier for a date range (local dates in the store's time zone, inclusive), for product categories,
/// or for both. A promotion with neither applies to everything.
public struct Promotion: Hashable, Sendable, Codable {
    public var name: String
    public var multiplier: Multiplier
    /// First local day it applies (store time zone); `nil`: no start.
    public var startDate: LocalDate?
    /// Last local day it applies, inclusive; `nil`: no end.
    public var endDate: LocalDate?
    /// Categories whose lines it applies to; `nil`: every line (and shipping and tax when they earn).
    public var categories: Set<String>?

    public init(
        name: String, multiplier: Multiplier, startDate: LocalDate? = nil, endDate: LocalDate? = nil,
        categories: Set<String>? = nil
    ) {
        self.name = name
        self.multiplier = multiplier
        self.startDate = startDate
        self.endDate = endDate
        self.categories = categories
    }

    /// Whether it applies on local date `date` to a line in `lineCategories` (empty for shipping and tax).
    public func applies(on date: LocalDate, toLineIn lineCategories: Set<String>) -> Bool {
        if let startDate, date < startDate { return false }
        if let endDate, date > endDate { return false }
        if let categories, categories.isDisjoint(with: lineCategories) { return false }
        return true
    }
}
