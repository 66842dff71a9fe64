/// What points are worth when redeemed: `minorUnits` of the base currency per `points` points — an exact rational
/// (100 points = 1.00 USD is 100 minor units per 100 points; 1 point = 0.5 cents is 1 per 2).
public struct RedemptionValue: Hashable, Sendable, Codable {
    public var minorUnits: Int64
    public var points: Int64

    public init(minorUnits: Int64, points: Int64) {
        precondition(points > 0 && minorUnits >= 0, "a redemption value is minor units ≥ 0 per points > 0")
        self.minorUnits = minorUnits
        self.points = points
    }

    /// The value of `count` points in minor units: count × minorUnits / points, rounded half to even.
    public func value(ofPoints count: Int64) -> Int64 {
        ExactArithmetic.multiplyDivide(count, minorUnits, points, rounding: .halfEven)
    }
}
