import Foundation

/// A customer an affiliate referred, and when.
public struct ReferredCustomer: Hashable, Sendable, Codable {
    public var customerID: String
    public var referredAt: Date

    public init(customerID: String, referredAt: Date) {
        self.customerID = customerID
        self.referredAt = referredAt
    }
}
