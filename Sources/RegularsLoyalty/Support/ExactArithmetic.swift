/// Exact integer arithmetic for points and money: products are taken in 128 bits, so `a × b / c` never overflows
/// before it is divided and never passes through floating point.
enum ExactArithmetic {
    /// How a quotient that is not whole becomes an integer.
    enum Rounding: Sendable {
        /// Toward negative infinity (floor).
        case down
        /// Toward positive infinity (ceiling).
        case up
        /// To the nearest integer, halves to the even neighbour ("banker's rounding").
        case halfEven
    }

    /// `numerator / denominator` rounded as asked; `denominator` must be positive. Saturates at the `Int64` range.
    static func divide(_ numerator: Int128, by denominator: Int128, rounding: Rounding) -> Int64 {
        precondition(denominator > 0, "division by a non-positive denominator")
        var quotient = numerator / denominator
        var remainder = numerator % denominator
        if remainder < 0 {
            quotient -= 1
            remainder += denominator
        }
        if remainder != 0 {
            switch rounding {
            case .down:
                break
            case .up:
                quotient += 1
            case .halfEven:
                let twice = remainder * 2
                if twice > denominator || (twice == denominator && quotient % 2 != 0) { quotient += 1 }
            }
        }
        return Int64(clamping: quotient)
    }

    /// `a × b / c` computed exactly and rounded once.
    static func multiplyDivide(_ a: Int64, _ b: Int64, _ c: Int64, rounding: Rounding) -> Int64 {
        divide(Int128(a) * Int128(b), by: Int128(c), rounding: rounding)
    }
}
