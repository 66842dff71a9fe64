/// Generates a transaction log from a BG/NBD purchase process and Gamma-Gamma spend (see
/// `SyntheticDataConfiguration`), deterministically from the seed.
///
/// Every customer draws from their own xoshiro256** stream seeded from (seed, customer index), so the log does not
/// depend on generation order or chunking. Logs are grouped by customer with ascending days, at 16 bytes per
/// transaction plus 8 per customer; `forEachChunk` keeps only one chunk in memory.
public enum SyntheticTransactionGenerator: Sendable {
    /// The whole log at once.
    public static func generate(_ configuration: SyntheticDataConfiguration) -> TransactionLog {
        generate(configuration, customers: 0..<max(0, configuration.customers))
    }

    /// The log in chunks of `customersPerChunk` consecutive customers (each customer entirely in one chunk).
    public static func forEachChunk(
        _ configuration: SyntheticDataConfiguration, customersPerChunk: Int = 65_536,
        _ body: (TransactionLog) throws -> Void
    ) rethrows {
        var start = 0
        let n = max(0, configuration.customers)
        while start < n {
            let end = min(n, start + max(1, customersPerChunk))
            try body(generate(configuration, customers: start..<end))
            start = end
        }
    }

    /// Number of transactions and the last day with a transaction (the log's default calibration end), computed
    /// without storing the log.
    public static func extent(_ configuration: SyntheticDataConfiguration) -> (transactions: Int, lastDay: EpochDay?) {
        var count = 0
        var last = Int32.min
        for customer in 0..<max(0, configuration.customers) {
            simulate(customer, configuration) { day, _ in
                count += 1
                last = max(last, day)
            }
        }
        return (count, count > 0 ? EpochDay(rawValue: last) : nil)
    }

    static func generate(_ configuration: SyntheticDataConfiguration, customers: Range<Int>) -> TransactionLog {
        var total = 0
        for customer in customers {
            simulate(customer, configuration) { _, _ in total += 1 }
        }
        var customerIndex = [Int32](repeating: 0, count: total)
        var days = [Int32](repeating: 0, count: total)
        var amounts = [Int64](repeating: 0, count: total)
        var position = 0
        customerIndex.withUnsafeMutableBufferPointer { ci in
            days.withUnsafeMutableBufferPointer { d in
                amounts.withUnsafeMutableBufferPointer { a in
                    for customer in customers {
                        simulate(customer, configuration) { day, amount in
                            ci[position] = Int32(customer - customers.lowerBound)
                            d[position] = day
                            a[position] = amount
                            position += 1
                        }
                    }
                }
            }
        }
        let ids = customers.map { configuration.firstCustomerID + Int64($0) }
        return TransactionLog(customerIDs: ids, customerIndex: customerIndex, days: days, amountsMinor: amounts)
    }

    private static func simulate(
        _ customer: Int, _ c: SyntheticDataConfiguration, _ emit: (_ day: Int32, _ amountMinor: Int64) -> Void
    ) {
        var mixer = SplitMix64(seed: c.seed ^ (UInt64(customer) &* 0xD1B5_4A32_D192_ED03))
        var rng = Xoshiro256StarStar(seed: mixer.next())
        let lambda = rng.nextGamma(shape: c.purchase.r, rate: c.purchase.alpha)
        let dropout = rng.nextBeta(c.purchase.a, c.purchase.b)
        let nu = rng.nextGamma(shape: c.spend.q, rate: c.spend.gamma)
        let first = Int(c.startDay.rawValue) + Int(Double(max(1, c.acquisitionDays)) * rng.nextUnitInterval())
        let last = Int(c.startDay.rawValue) + c.observationDays - 1
        func amount() -> Int64 {
            let value = rng.nextGamma(shape: c.spend.p, rate: nu) * c.minorUnitsPerMajor
            return max(1, Int64(min(value, 1e15).rounded()))
        }
        guard first <= last else { return }
        emit(Int32(first), amount())
        guard lambda > 0 else { return }
        var weeks = 0.0
        while true {
            weeks += rng.nextExponential(rate: lambda)
            let day = first + Int(min(weeks * 7, Double(Int32.max)))
            if day > last { break }
            emit(Int32(day), amount())
            if rng.nextUnitInterval() < dropout { break }
        }
    }
}
