/// Per-customer summaries for large customer bases at about 20 bytes per customer: the customer id, the index of
/// the customer's distinct (x, tₓ, T) row in `rows`, and the mean repeat value. Built by
/// `CustomerSummaryAccumulator` without ever holding the whole transaction log or per-customer x, tₓ, T arrays.
public struct CompactCustomerSummaries: Sendable {
    public private(set) var customerIDs: [Int64]
    /// Mean value of the repeat transactions in major units (0 when x = 0).
    public private(set) var monetaryValue: [Double]
    /// Distinct (x, tₓ, T) rows with weights; `rows.rowOfInput[i]` is customer i's row.
    public private(set) var rows: CollapsedSummaries
    public private(set) var calibrationEnd: EpochDay?

    public init(
        customerIDs: [Int64], monetaryValue: [Double], rows: CollapsedSummaries, calibrationEnd: EpochDay? = nil
    ) {
        precondition(customerIDs.count == monetaryValue.count && monetaryValue.count == rows.rowOfInput.count)
        self.customerIDs = customerIDs
        self.monetaryValue = monetaryValue
        self.rows = rows
        self.calibrationEnd = calibrationEnd
    }

    public var count: Int { customerIDs.count }

    public var repeatCustomerCount: Int {
        var count = 0.0
        for row in 0..<rows.rowCount where rows.frequency[row] > 0 { count += rows.weight[row] }
        return Int(count)
    }

    public func frequency(at customer: Int) -> Double { rows.frequency[Int(rows.rowOfInput[customer])] }
    public func recency(at customer: Int) -> Double { rows.recency[Int(rows.rowOfInput[customer])] }
    public func age(at customer: Int) -> Double { rows.age[Int(rows.rowOfInput[customer])] }

    /// The same data as plain per-customer arrays.
    public func expanded() -> CustomerSummaries {
        CustomerSummaries(
            customerIDs: customerIDs, frequency: (0..<count).map(frequency(at:)),
            recency: (0..<count).map(recency(at:)),
            age: (0..<count).map(age(at:)), monetaryValue: monetaryValue, calibrationEnd: calibrationEnd)
    }
}
