/// Points per amount of base currency: `points` for every `perMinorUnits` minor units (1 point per 100 cents is
/// 1 point per dollar; 1 per 1 000 is 1 point per 10 dollars). Exact: no fractional rate is ever a `Double`.
public struct PointsRate: Hashable, Sendable, Codable {
    public var points: Int64
    public var perMinorUnits: Int64

    public init(points: Int64, perMinorUnits: Int64) {
        self.points = points
        self.perMinorUnits = perMinorUnits
    }
}
