/// Elementary functions built only from IEEE 754 basic operations, so they round identically on every platform
/// (system `log`/`exp` may differ in the last bit between C libraries, which would break cross-platform
/// determinism of the generated store).
enum DemoMath {
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    private static let sqrtHalf = 0.707_106_781_186_547_524_4

    /// Natural logarithm for positive finite arguments; `-infinity` for zero, NaN for negatives.
    static func log(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        var exponent = Double(Int(x.exponent))
        var mantissa = x.significand  // [1, 2)
        if mantissa > 2 * sqrtHalf {
            mantissa *= 0.5
            exponent += 1
        }
        // log(m) = 2 atanh(f) with f = (m - 1) / (m + 1), |f| <= 0.1716.
        let f = (mantissa - 1) / (mantissa + 1)
        let s = f * f
        // Horner evaluation of 1 + s/3 + s^2/5 + ... + s^12/25 (unrolled: fast in debug builds).
        var term: Double = 1.0 / 25.0
        term = term * s + 1.0 / 23.0
        term = term * s + 1.0 / 21.0
        term = term * s + 1.0 / 19.0
        term = term * s + 1.0 / 17.0
        term = term * s + 1.0 / 15.0
        term = term * s + 1.0 / 13.0
        term = term * s + 1.0 / 11.0
        term = term * s + 1.0 / 9.0
        term = term * s + 1.0 / 7.0
        term = term * s + 1.0 / 5.0
        term = term * s + 1.0 / 3.0
        term = term * s + 1.0
        return 2 * f * term + exponent * ln2Low + exponent * ln2High
    }

    /// Exponential function.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x / (ln2High + ln2Low)).rounded()
        let r = (x - k * ln2High) - k * ln2Low  // |r| <= ~0.347
        // Taylor series of e^r to degree 17, Horner form (unrolled: fast in debug builds).
        var sum: Double = 1.0
        sum = 1 + sum * r / 17
        sum = 1 + sum * r / 16
        sum = 1 + sum * r / 15
        sum = 1 + sum * r / 14
        sum = 1 + sum * r / 13
        sum = 1 + sum * r / 12
        sum = 1 + sum * r / 11
        sum = 1 + sum * r / 10
        sum = 1 + sum * r / 9
        sum = 1 + sum * r / 8
        sum = 1 + sum * r / 7
        sum = 1 + sum * r / 6
        sum = 1 + sum * r / 5
        sum = 1 + sum * r / 4
        sum = 1 + sum * r / 3
        sum = 1 + sum * r / 2
        sum = 1 + sum * r / 1
        let power = Int(k)
        if power < -1000 {
            return Double(sign: .plus, exponent: power + 60, significand: sum) * 0x1.0p-60
        }
        return Double(sign: .plus, exponent: power, significand: sum)
    }

    /// `base` raised to `exponent` for positive bases.
    static func pow(_ base: Double, _ exponent: Double) -> Double {
        exp(exponent * log(base))
    }
}
