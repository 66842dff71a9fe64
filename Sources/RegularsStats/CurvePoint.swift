/// One point of a curve over time in weeks.
public struct CurvePoint: Sendable, Hashable, Codable {
    public var week: Double
    public var value: Double

    public init(week: Double, value: Double) {
        self.week = week
        self.value = value
    }
}
