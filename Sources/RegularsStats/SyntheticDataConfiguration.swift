/// How `SyntheticTransactionGenerator` draws a customer base.
///
/// Each customer makes a first purchase on a uniformly random day in the first `acquisitionDays` days from
/// `startDay`; then, following BG/NBD, buys at Poisson rate λ ~ Gamma(r, α) per week and after each repeat purchase
/// drops out with probability p ~ Beta(a, b); purchases end at the last observed day
/// (`startDay + observationDays − 1`). Each transaction's value follows Gamma-Gamma: z ~ Gamma(p, ν) with the
/// customer's ν ~ Gamma(q, γ), in major units, rounded to minor units (at least 1).
///
/// The defaults are the CDNOW estimates (FHL 2005) with CDNOW's design: 12 weeks of acquisition and a 39-week
/// observation window.
public struct SyntheticDataConfiguration: Sendable, Hashable {
    public var customers: Int
    public var seed: UInt64
    public var purchase: BGNBDParameters
    public var spend: GammaGammaParameters
    public var startDay: EpochDay
    public var acquisitionDays: Int
    public var observationDays: Int
    public var minorUnitsPerMajor: Double
    /// The first customer id; customer i (0-based) gets `firstCustomerID + i`.
    public var firstCustomerID: Int64

    public init(
        customers: Int, seed: UInt64 = 42,
        purchase: BGNBDParameters = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426),
        spend: GammaGammaParameters = GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44),
        startDay: EpochDay = EpochDay(year: 2024, month: 1, day: 1)!, acquisitionDays: Int = 84,
        observationDays: Int = 273, minorUnitsPerMajor: Double = 100, firstCustomerID: Int64 = 1
    ) {
        self.customers = customers
        self.seed = seed
        self.purchase = purchase
        self.spend = spend
        self.startDay = startDay
        self.acquisitionDays = acquisitionDays
        self.observationDays = observationDays
        self.minorUnitsPerMajor = minorUnitsPerMajor
        self.firstCustomerID = firstCustomerID
    }
}
