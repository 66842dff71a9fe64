/// One customer's RFM inputs and scores.
public struct RFMCustomer: Sendable, Hashable, Codable {
    public var customerID: Int64
    /// Whole days from the last counted order to the as-of instant.
    public var recencyDays: Int
    /// Counted orders up to the as-of instant.
    public var orders: Int
    /// Net revenue of those orders, base-currency minor units.
    public var monetaryMinor: Int64
    public var score: RFMScore

    public init(customerID: Int64, recencyDays: Int, orders: Int, monetaryMinor: Int64, score: RFMScore) {
        self.customerID = customerID
        self.recencyDays = recencyDays
        self.orders = orders
        self.monetaryMinor = monetaryMinor
        self.score = score
    }

    public var segment: RFMSegment { score.segment }
}
