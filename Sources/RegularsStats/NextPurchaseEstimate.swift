#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// When a customer's next order is expected.
///
/// A customer who is alive at T buys at a rate λ whose posterior is Gamma(shape r + x, rate α + T), so the waiting
/// time W to the next order satisfies P(W > w | alive) = (rate / (rate + w))^shape (a Lomax distribution). Its mean,
/// rate / (shape − 1), exists only when shape > 1; its median, rate (2^(1/shape) − 1), always exists. A customer who
/// is no longer alive never orders again, so both are conditional on being alive (see `probabilityAlive`).
public struct NextPurchaseEstimate: Sendable, Hashable, Codable {
    public var probabilityAlive: Double
    public var purchaseRateShape: Double
    public var purchaseRateRate: Double

    public init(probabilityAlive: Double, purchaseRateShape: Double, purchaseRateRate: Double) {
        self.probabilityAlive = probabilityAlive
        self.purchaseRateShape = purchaseRateShape
        self.purchaseRateRate = purchaseRateRate
    }

    /// E[W | alive] in weeks after the end of observation, or `nil` when the mean is infinite (shape ≤ 1).
    public var expectedWeeksIfAlive: Double? {
        purchaseRateShape > 1 ? purchaseRateRate / (purchaseRateShape - 1) : nil
    }

    /// Median of W given alive, in weeks after the end of observation.
    public var medianWeeksIfAlive: Double {
        purchaseRateRate * (pow(2, 1 / purchaseRateShape) - 1)
    }

    /// The expected date of the next order (mean if finite, else median) counted from the observation end day.
    public func expectedDate(after observationEnd: EpochDay) -> EpochDay {
        let weeks = expectedWeeksIfAlive ?? medianWeeksIfAlive
        return observationEnd.adding(days: Int((weeks * 7).rounded()))
    }
}
