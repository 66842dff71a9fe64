import Foundation
import RegularsCore

/// An order as the earning rules see it: plain values, amounts in minor units of `currency` (the store's base
/// currency; convert other currencies before).
public struct LoyaltyOrder: Hashable, Sendable, Codable {
    public var orderID: String
    public var placedAt: Date
    public var currency: CurrencyCode
    public var lines: [LoyaltyOrderLine]
    /// Discount on the whole order (not already in the lines).
    public var orderDiscount: Int64
    public var shipping: Int64
    public var tax: Int64

    public init(
        orderID: String, placedAt: Date, currency: CurrencyCode, lines: [LoyaltyOrderLine], orderDiscount: Int64 = 0,
        shipping: Int64 = 0, tax: Int64 = 0
    ) {
        self.orderID = orderID
        self.placedAt = placedAt
        self.currency = currency
        self.lines = lines
        self.orderDiscount = orderDiscount
        self.shipping = shipping
        self.tax = tax
    }

    /// What the shopper paid: lines less discounts, plus shipping and tax. Refunds are measured against it.
    public var total: Money {
        let lineTotal = lines.reduce(Int64(0)) { $0 + $1.subtotal - $1.discount }
        return Money(minorUnits: lineTotal - orderDiscount + shipping + tax, currency: currency)
    }
}
