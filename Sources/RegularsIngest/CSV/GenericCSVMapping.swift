import Foundation
import RegularsCore

/// Which header columns of a generic CSV hold which values (matched case-insensitively, spaces trimmed).
/// Each row is one order line; consecutive rows with the same order id form one order, whose order-level values
/// (customer, date, total, currency, email, name) come from its first row.
public struct GenericCSVMapping: Sendable, Equatable {
    public var customerID: String
    public var orderID: String
    /// `YYYY-MM-DD` or an ISO 8601 date-time; values without an offset are read in ``timeZone``.
    public var date: String
    public var total: String
    /// The currency column; when absent from the file or blank in a row, ``defaultCurrency`` applies.
    public var currency: String?
    public var defaultCurrency: CurrencyCode?
    public var email: String?
    /// A full name, split into first and last name at the last space.
    public var name: String?
    public var product: String?
    public var quantity: String?
    public var price: String?
    public var timeZone: TimeZone

    public init(
        customerID: String = "customer_id", orderID: String = "order_id", date: String = "date",
        total: String = "total", currency: String? = "currency", defaultCurrency: CurrencyCode? = nil,
        email: String? = "email", name: String? = "name", product: String? = "product",
        quantity: String? = "quantity", price: String? = "price",
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current
    ) {
        self.customerID = customerID
        self.orderID = orderID
        self.date = date
        self.total = total
        self.currency = currency
        self.defaultCurrency = defaultCurrency
        self.email = email
        self.name = name
        self.product = product
        self.quantity = quantity
        self.price = price
        self.timeZone = timeZone
    }
}
