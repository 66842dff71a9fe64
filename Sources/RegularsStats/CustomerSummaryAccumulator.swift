/// Summarises a transaction log that arrives in chunks (for example streamed from a database or generated), with
/// the same conventions as `CustomerSummaries(log:calibrationEnd:minorUnitsPerMajor:)`, straight into
/// `CompactCustomerSummaries`. Memory is about 20 bytes per customer plus the current chunk.
///
/// All transactions of one customer must be in the same chunk (chunks split between customers).
public struct CustomerSummaryAccumulator: Sendable {
    public let calibrationEnd: EpochDay
    public let minorUnitsPerMajor: Double
    private var ids: [Int64] = []
    private var monetary: [Double] = []
    private var rows: CollapsedSummariesBuilder

    public init(calibrationEnd: EpochDay, minorUnitsPerMajor: Double = 100, expectedCustomers: Int = 0) {
        self.calibrationEnd = calibrationEnd
        self.minorUnitsPerMajor = minorUnitsPerMajor
        rows = CollapsedSummariesBuilder(expectedInputs: expectedCustomers)
        ids.reserveCapacity(expectedCustomers)
        monetary.reserveCapacity(expectedCustomers)
    }

    public var customerCount: Int { ids.count }

    /// Adds one chunk of transactions.
    public mutating func add(_ chunk: TransactionLog) {
        let end = calibrationEnd.rawValue
        let chunkIDs = chunk.customerIDs
        chunk.forEachCustomer { customer, days, amounts in
            guard let summary = CustomerDaySummary(days: days, amounts: amounts, end: end) else { return }
            // Values computed from days are finite, non-negative and consistent, so adding cannot fail.
            _ = try? rows.add(frequency: summary.frequency, recency: summary.recency, age: summary.age)
            ids.append(chunkIDs[customer])
            monetary.append(summary.repeatMeanMinor / minorUnitsPerMajor)
        }
    }

    /// The summaries of all customers added so far.
    /// - Throws: `CLVModelError.emptyInput` when no customer had a purchase up to the calibration end.
    public func finish() throws(CLVModelError) -> CompactCustomerSummaries {
        CompactCustomerSummaries(
            customerIDs: ids, monetaryValue: monetary, rows: try rows.build(), calibrationEnd: calibrationEnd)
    }
}
