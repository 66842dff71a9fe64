/// Per-customer recency/frequency/monetary summaries in the "buy till you die" literature's notation, stored as
/// parallel arrays (one entry per customer; no per-customer objects).
///
/// - `frequency` x: number of repeat transactions (transaction days after the first one) in the calibration period.
/// - `recency` tₓ: time from the first to the last transaction, in weeks (days / 7); 0 when x = 0.
/// - `age` T: time from the first transaction to the end of the calibration period, in weeks.
/// - `monetaryValue`: mean value of the repeat transactions in major currency units (e.g. dollars); 0 when x = 0.
public struct CustomerSummaries: Sendable, Equatable {
    public var customerIDs: [Int64]
    public var frequency: [Double]
    public var recency: [Double]
    public var age: [Double]
    public var monetaryValue: [Double]
    /// The last day of the calibration period, when the summaries were derived from a transaction log.
    public var calibrationEnd: EpochDay?

    public init(
        customerIDs: [Int64], frequency: [Double], recency: [Double], age: [Double], monetaryValue: [Double],
        calibrationEnd: EpochDay? = nil
    ) {
        precondition(
            customerIDs.count == frequency.count && frequency.count == recency.count && recency.count == age.count
                && age.count == monetaryValue.count, "summary arrays must have equal lengths")
        self.customerIDs = customerIDs
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.monetaryValue = monetaryValue
        self.calibrationEnd = calibrationEnd
    }

    public var count: Int { customerIDs.count }

    /// Customers with at least one repeat purchase.
    public var repeatCustomerCount: Int { frequency.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

    /// The customers at `indices`, in that order.
    public func subset(_ indices: [Int]) -> CustomerSummaries {
        CustomerSummaries(
            customerIDs: indices.map { customerIDs[$0] }, frequency: indices.map { frequency[$0] },
            recency: indices.map { recency[$0] }, age: indices.map { age[$0] },
            monetaryValue: indices.map { monetaryValue[$0] }, calibrationEnd: calibrationEnd)
    }
}
