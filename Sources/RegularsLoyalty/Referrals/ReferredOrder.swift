import Foundation
import RegularsCore

/// An order of a referred customer, at its net value (total less refunds so far).
public struct ReferredOrder: Hashable, Sendable, Codable {
    public var customerID: String
    public var orderID: String
    public var placedAt: Date
    public var netValue: Money

    public init(customerID: String, orderID: String, placedAt: Date, netValue: Money) {
        self.customerID = customerID
        self.orderID = orderID
        self.placedAt = placedAt
        self.netValue = netValue
    }
}
