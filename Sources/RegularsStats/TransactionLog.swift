/// A transaction log stored compactly as parallel arrays: per transaction a customer index (`Int32`), a day
/// (`EpochDay` raw value) and an amount in integer minor units of the base currency (`Int64`); plus the external
/// customer id of each customer index. 16 bytes per transaction, no per-transaction objects.
///
/// Amounts are net amounts already converted to the base currency; several purchases of one customer on one day
/// stay separate rows here and are merged when summarised.
public struct TransactionLog: Sendable, Equatable {
    /// External id of each customer index.
    public private(set) var customerIDs: [Int64]
    public private(set) var customerIndex: [Int32]
    public private(set) var days: [Int32]
    public private(set) var amountsMinor: [Int64]

    /// - Precondition: the three per-transaction arrays have equal lengths and every customer index is valid.
    public init(customerIDs: [Int64], customerIndex: [Int32], days: [Int32], amountsMinor: [Int64]) {
        precondition(customerIndex.count == days.count && days.count == amountsMinor.count)
        precondition(customerIndex.allSatisfy { $0 >= 0 && Int($0) < customerIDs.count })
        self.customerIDs = customerIDs
        self.customerIndex = customerIndex
        self.days = days
        self.amountsMinor = amountsMinor
    }

    public init() {
        self.init(customerIDs: [], customerIndex: [], days: [], amountsMinor: [])
    }

    /// Number of transactions (rows).
    public var count: Int { days.count }

    public var customerCount: Int { customerIDs.count }

    public var firstDay: EpochDay? { days.min().map(EpochDay.init(rawValue:)) }

    public var lastDay: EpochDay? { days.max().map(EpochDay.init(rawValue:)) }

    /// Calls `body` once per customer index that has transactions, in index order, with that customer's days
    /// (ascending) and amounts. Uses the arrays in place when the log is already grouped by customer with ascending
    /// days (as generated logs are); otherwise orders a permutation (counting sort by customer, then by day).
    func forEachCustomer(
        _ body: (_ customer: Int, _ days: UnsafeBufferPointer<Int32>, _ amounts: UnsafeBufferPointer<Int64>) -> Void
    ) {
        let n = count
        guard n > 0 else { return }
        var grouped = true
        customerIndex.withUnsafeBufferPointer { ci in
            days.withUnsafeBufferPointer { d in
                for i in 1..<n where ci[i] < ci[i - 1] || (ci[i] == ci[i - 1] && d[i] < d[i - 1]) {
                    grouped = false
                    break
                }
            }
        }
        if grouped {
            customerIndex.withUnsafeBufferPointer { ci in
                days.withUnsafeBufferPointer { d in
                    amountsMinor.withUnsafeBufferPointer { a in
                        var start = 0
                        while start < n {
                            var end = start + 1
                            while end < n, ci[end] == ci[start] { end += 1 }
                            body(
                                Int(ci[start]), UnsafeBufferPointer(rebasing: d[start..<end]),
                                UnsafeBufferPointer(rebasing: a[start..<end]))
                            start = end
                        }
                    }
                }
            }
            return
        }
        var offsets = [Int](repeating: 0, count: customerCount + 1)
        for c in customerIndex { offsets[Int(c) + 1] += 1 }
        for i in 0..<customerCount { offsets[i + 1] += offsets[i] }
        var order = [Int32](repeating: 0, count: n)
        var next = offsets
        for i in 0..<n {
            let c = Int(customerIndex[i])
            order[next[c]] = Int32(i)
            next[c] += 1
        }
        next = []
        var scratchDays: [Int32] = []
        var scratchAmounts: [Int64] = []
        for customer in 0..<customerCount where offsets[customer + 1] > offsets[customer] {
            let rows = order[offsets[customer]..<offsets[customer + 1]].sorted {
                days[Int($0)] != days[Int($1)] ? days[Int($0)] < days[Int($1)] : $0 < $1
            }
            scratchDays.removeAll(keepingCapacity: true)
            scratchAmounts.removeAll(keepingCapacity: true)
            for row in rows {
                scratchDays.append(days[Int(row)])
                scratchAmounts.append(amountsMinor[Int(row)])
            }
            scratchDays.withUnsafeBufferPointer { d in
                scratchAmounts.withUnsafeBufferPointer { a in body(customer, d, a) }
            }
        }
    }
}
