/// Per-customer predictions, as parallel arrays in the order of the summaries they were computed from.
public struct CustomerPredictions: Sendable, Equatable {
    public var customerIDs: [Int64]
    /// P(alive at the end of observation).
    public var probabilityAlive: [Double]
    /// Expected purchases in the next `options.purchaseHorizonWeeks` weeks.
    public var expectedPurchases: [Double]
    /// Discounted expected value over `options.lifetimeMonths` months, in the spend unit of the summaries' monetary
    /// values (major units, e.g. dollars).
    public var lifetimeValue: [Double]
    public var options: CLVOptions

    public init(
        customerIDs: [Int64], probabilityAlive: [Double], expectedPurchases: [Double], lifetimeValue: [Double],
        options: CLVOptions
    ) {
        self.customerIDs = customerIDs
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.lifetimeValue = lifetimeValue
        self.options = options
    }

    public var count: Int { customerIDs.count }

    /// Computes P(alive), expected purchases and CLV for every customer.
    ///
    /// Work is done once per distinct (x, tₓ, T) row, and the hypergeometric part once per distinct (x, T); pass
    /// the `CollapsedSummaries` used for fitting to avoid collapsing again.
    public static func compute(
        summaries: CustomerSummaries, collapsed: CollapsedSummaries? = nil, purchaseModel: some RepeatPurchaseModel,
        spendModel: GammaGammaModel, options: CLVOptions = CLVOptions()
    ) throws(CLVModelError) -> CustomerPredictions {
        let data: CollapsedSummaries
        if let collapsed { data = collapsed } else { data = try CollapsedSummaries(summaries) }
        guard data.rowOfInput.count == summaries.count else { throw .mismatchedLengths }
        let rows = RowPredictions(model: purchaseModel, rows: data, options: options)
        return assemble(
            range: 0..<summaries.count, ids: summaries.customerIDs, rowOf: data.rowOfInput, rows: rows,
            frequency: { summaries.frequency[$0] }, monetaryValue: summaries.monetaryValue, spendModel: spendModel,
            options: options)
    }

    /// Computes predictions for every customer of compact summaries.
    public static func compute(
        summaries: CompactCustomerSummaries, purchaseModel: some RepeatPurchaseModel, spendModel: GammaGammaModel,
        options: CLVOptions = CLVOptions()
    ) -> CustomerPredictions {
        let rows = RowPredictions(model: purchaseModel, rows: summaries.rows, options: options)
        return assemble(
            range: 0..<summaries.count, ids: summaries.customerIDs, rowOf: summaries.rows.rowOfInput, rows: rows,
            frequency: { summaries.frequency(at: $0) }, monetaryValue: summaries.monetaryValue,
            spendModel: spendModel, options: options)
    }

    /// Streams predictions for every customer in chunks of at most `chunkSize` customers, in order — for writing
    /// them out (e.g. to a database) without holding all of them in memory.
    public static func forEachChunk(
        summaries: CompactCustomerSummaries, purchaseModel: some RepeatPurchaseModel, spendModel: GammaGammaModel,
        options: CLVOptions = CLVOptions(), chunkSize: Int = 65_536, _ body: (CustomerPredictions) throws -> Void
    ) rethrows {
        let rows = RowPredictions(model: purchaseModel, rows: summaries.rows, options: options)
        var start = 0
        while start < summaries.count {
            let end = min(summaries.count, start + max(1, chunkSize))
            try body(
                assemble(
                    range: start..<end, ids: summaries.customerIDs, rowOf: summaries.rows.rowOfInput, rows: rows,
                    frequency: { summaries.frequency(at: $0) }, monetaryValue: summaries.monetaryValue,
                    spendModel: spendModel, options: options))
            start = end
        }
    }

    private static func assemble(
        range: Range<Int>, ids: [Int64], rowOf: [Int32], rows: RowPredictions, frequency: (Int) -> Double,
        monetaryValue: [Double], spendModel: GammaGammaModel, options: CLVOptions
    ) -> CustomerPredictions {
        let n = range.count
        var alive = [Double](repeating: 0, count: n)
        var expected = [Double](repeating: 0, count: n)
        var value = [Double](repeating: 0, count: n)
        for (offset, i) in range.enumerated() {
            let row = Int(rowOf[i])
            alive[offset] = rows.alive[row]
            expected[offset] = rows.expected[row]
            value[offset] =
                rows.discountedPurchases[row]
                * spendModel.expectedAverageSpend(frequency: frequency(i), monetaryValue: monetaryValue[i])
        }
        return CustomerPredictions(
            customerIDs: range.count == ids.count ? ids : Array(ids[range]), probabilityAlive: alive,
            expectedPurchases: expected, lifetimeValue: value, options: options)
    }
}
