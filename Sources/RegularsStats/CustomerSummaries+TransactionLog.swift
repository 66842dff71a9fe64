extension CustomerSummaries {
    /// Summarises a transaction log with the literature's conventions (and those of `lifetimes`'
    /// `summary_data_from_transaction_log(freq="D", freq_multiplier=7)`):
    ///
    /// - all purchases of one customer on one day are one transaction, their amounts summed;
    /// - transactions after `calibrationEnd` are ignored (they are the holdout); customers whose first purchase is
    ///   after it do not appear;
    /// - x = number of transaction days after the first, tₓ = (last day − first day) / 7, T = (calibrationEnd − first
    ///   day) / 7, in weeks;
    /// - monetary value = mean amount of the repeat transaction days (first day excluded) in major units, that is
    ///   minor units / `minorUnitsPerMajor`; 0 when x = 0.
    ///
    /// - Parameter calibrationEnd: last day of the calibration period (inclusive); default the last day in the log.
    public init(log: TransactionLog, calibrationEnd: EpochDay? = nil, minorUnitsPerMajor: Double = 100) {
        let end = (calibrationEnd ?? log.lastDay ?? EpochDay(rawValue: 0)).rawValue
        var ids: [Int64] = []
        var frequency: [Double] = []
        var recency: [Double] = []
        var age: [Double] = []
        var monetary: [Double] = []
        frequency.reserveCapacity(log.customerCount)
        recency.reserveCapacity(log.customerCount)
        age.reserveCapacity(log.customerCount)
        monetary.reserveCapacity(log.customerCount)
        let customerIDs = log.customerIDs
        // While every customer index is summarised in order, ids are the log's own array (shared, not copied);
        // `ids` is materialised at the first customer that is left out.
        var explicitIDs = false
        var summarised = 0
        log.forEachCustomer { customer, days, amounts in
            guard let summary = CustomerDaySummary(days: days, amounts: amounts, end: end) else { return }
            if !explicitIDs, customer != summarised {
                explicitIDs = true
                ids = Array(customerIDs[0..<summarised])
            }
            summarised += 1
            if explicitIDs { ids.append(customerIDs[customer]) }
            frequency.append(summary.frequency)
            recency.append(summary.recency)
            age.append(summary.age)
            monetary.append(summary.repeatMeanMinor / minorUnitsPerMajor)
        }
        if !explicitIDs {
            ids = summarised == customerIDs.count ? customerIDs : Array(customerIDs[0..<summarised])
        }
        self.init(
            customerIDs: ids, frequency: frequency, recency: recency, age: age, monetaryValue: monetary,
            calibrationEnd: EpochDay(rawValue: end))
    }
}
