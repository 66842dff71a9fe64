/// Names of the CSV header columns holding the customer id, the date and the amount.
public struct CSVColumns: Sendable, Hashable {
    public var customerID: String
    public var date: String
    public var amount: String

    public init(customerID: String = "customer_id", date: String = "date", amount: String = "amount") {
        self.customerID = customerID
        self.date = date
        self.amount = amount
    }
}
