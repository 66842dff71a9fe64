/// Rounding of money to integer minor units, half to even ("banker's rounding").
public enum MinorUnitRounding {
    /// `numerator / denominator` rounded half-even; `denominator` must be positive.
    public static func divideHalfEven(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0)
        var quotient = numerator / denominator
        var remainder = numerator % denominator
        if remainder < 0 {
            quotient -= 1
            remainder += denominator
        }
        let twice = remainder.multipliedReportingOverflow(by: 2)
        if twice.overflow || twice.partialValue > denominator {
            quotient += 1
        } else if twice.partialValue == denominator, quotient % 2 != 0 {
            quotient += 1
        }
        return quotient
    }

    /// A finite `Double` amount in minor units rounded half-even to an integer (saturating at the Int64 range).
    public static func roundHalfEven(_ value: Double) -> Int64 {
        guard value.isFinite else { return 0 }
        let rounded = value.rounded(.toNearestOrEven)
        if rounded >= 9.2e18 { return Int64.max }
        if rounded <= -9.2e18 { return Int64.min }
        return Int64(rounded)
    }
}
