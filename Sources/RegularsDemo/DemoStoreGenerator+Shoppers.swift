extension DemoStoreGenerator {
    /// Pareto/NBD purchase-rate heterogeneity: shape r and mean of the gamma distributed yearly rate.
    static let purchaseRateShape = 0.35
    static let purchaseRateMean = 5.0
    /// Dropout-rate heterogeneity: shape s and mean of the gamma distributed yearly dropout rate.
    static let dropoutRateShape = 1.1
    static let dropoutRateMean = 0.9
    /// Acquisition grows over the window: the density at the end is `1 + acquisitionGrowth` times that at the start.
    static let acquisitionGrowth = 1.2

    private static let localeTable = DemoWeightedTable(weights: DemoLocale.allCases.map(\.weight))
    private static let regionsByLocale = DemoLocale.allCases.map { locale in
        DemoRegion.allCases.filter { $0.locale == locale }
    }
    private static let regionTables = regionsByLocale.map { DemoWeightedTable(weights: $0.map(\.weight)) }

    func makeShopper(generationIndex: Int, catalog: DemoCatalog, window: DemoWindow) -> DemoShopper {
        var random = DemoRandom(seed: seed, stream: .traits, index: generationIndex)
        let locale = DemoLocale.allCases[Self.localeTable.pick(using: &random)]
        let region = Self.regionsByLocale[locale.index][Self.regionTables[locale.index].pick(using: &random)]

        let acquiredAt = acquisitionTime(region: region, window: window, random: &random)
        let signedUpEarly = random.chance(0.2)
        let lead: Int64
        if signedUpEarly {
            lead = Int64(min(90 * 86_400, random.logNormal(mu: DemoMath.log(4 * 86_400), sigma: 1.1)))
        } else {
            lead = 60 + Int64(random.exponential(rate: 1.0 / 540))
        }
        // Sign-ups that would predate the window are spread over the time before the first order instead.
        let createdAt =
            acquiredAt - lead >= window.start
            ? acquiredAt - lead : window.start + Int64(random.unit() * Double(max(0, acquiredAt - 60 - window.start)))

        let isWholesale = random.chance(0.012)
        var purchaseRate = random.gamma(
            shape: Self.purchaseRateShape, scale: Self.purchaseRateMean / Self.purchaseRateShape)
        let dropoutRate = random.gamma(
            shape: Self.dropoutRateShape, scale: Self.dropoutRateMean / Self.dropoutRateShape)
        let lifetimeYears = min(50, random.exponential(rate: dropoutRate))
        // Gamma-gamma spend: the customer's transaction rate parameter is gamma distributed, so the mean basket is
        // inverse-gamma (long right tail of big spenders); normalised to mean 1 and capped for sanity.
        var spendLevel = min(6, 3 / random.gamma(shape: 4, scale: 1))
        if isWholesale {
            purchaseRate = purchaseRate * 2 + 2
            spendLevel *= 2.5
        }
        let discountAffinity = random.beta(1.3, 3.5)
        let refundPropensity = random.beta(1.5, 34)
        let primary = catalog.categoryTable.pick(using: &random)
        var secondary: Int?
        if random.chance(0.55) {
            let candidate = catalog.categoryTable.pick(using: &random)
            secondary = candidate == primary ? nil : candidate
        }
        return DemoShopper(
            generationIndex: generationIndex, region: region, acquiredAt: acquiredAt, createdAt: createdAt,
            signedUpEarly: signedUpEarly, purchaseRate: purchaseRate,
            churnAt: acquiredAt + Int64(lifetimeYears * DemoCalendar.secondsPerYear), spendLevel: spendLevel,
            discountAffinity: discountAffinity, refundPropensity: refundPropensity, primaryCategory: primary,
            secondaryCategory: secondary, isWholesale: isWholesale)
    }

    /// Draws the first-order time: linear growth over the window (inverse CDF), thinned by seasonal, weekly and
    /// local hour-of-day activity.
    private func acquisitionTime(region: DemoRegion, window: DemoWindow, random: inout DemoRandom) -> Int64 {
        let span = Double(window.end - window.start)
        let growth = Self.acquisitionGrowth
        for _ in 0..<1_000 {
            let v = random.unit()
            let u = ((1 + 2 * growth * v * (1 + growth / 2)).squareRoot() - 1) / growth
            let candidate = window.start + Int64(u * span)
            guard candidate < window.end else { continue }
            let intensity = window.activity.intensity(at: candidate, utcOffsetHours: region.utcOffsetHours)
            if random.unit() * DemoActivity.maximum < intensity { return candidate }
        }
        return window.start + Int64(random.unit() * span)
    }
}
