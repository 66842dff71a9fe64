/// Builds a `TransactionLog` row by row, assigning customer indexes in order of first appearance.
public struct TransactionLogBuilder: Sendable {
    private var indexOfCustomer: [Int64: Int32] = [:]
    private var customerIDs: [Int64] = []
    private var customerIndex: [Int32] = []
    private var days: [Int32] = []
    private var amountsMinor: [Int64] = []

    public init() {}

    public mutating func reserveCapacity(_ transactions: Int) {
        customerIndex.reserveCapacity(transactions)
        days.reserveCapacity(transactions)
        amountsMinor.reserveCapacity(transactions)
    }

    /// Appends one transaction: `amountMinor` is the net amount in minor units of the base currency.
    public mutating func append(customerID: Int64, day: EpochDay, amountMinor: Int64) {
        let index: Int32
        if let known = indexOfCustomer[customerID] {
            index = known
        } else {
            index = Int32(customerIDs.count)
            indexOfCustomer[customerID] = index
            customerIDs.append(customerID)
        }
        customerIndex.append(index)
        days.append(day.rawValue)
        amountsMinor.append(amountMinor)
    }

    public var count: Int { days.count }

    public func build() -> TransactionLog {
        TransactionLog(customerIDs: customerIDs, customerIndex: customerIndex, days: days, amountsMinor: amountsMinor)
    }
}
