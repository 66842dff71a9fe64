import Foundation

/// A paid order. Amounts are minor units and always satisfy
/// `totalMinor == subtotalMinor - discountMinor + shippingMinor + taxMinor`.
public struct DemoOrder: Sendable, Equatable {
    /// Stable identifier, e.g. "demo-o-001001".
    public var externalID: String
    /// Sequential order number starting at 1001, in `placedAt` order.
    public var number: Int
    public var customerIndex: Int
    public var placedAt: Date
    public var currency: String
    public var lines: [DemoOrderLine]
    /// Sum of `unitPriceMinor * quantity` over all lines, before discounts.
    public var subtotalMinor: Int64
    /// Sum of the lines' `discountMinor`.
    public var discountMinor: Int64
    public var shippingMinor: Int64
    public var taxMinor: Int64
    public var totalMinor: Int64
    public var discountCodes: [String]
    public var landingSite: String?
    public var referringSite: String?
    /// "paid", "refunded" or "partially_refunded".
    public var financialStatus: String
    /// "fulfilled" or "unfulfilled".
    public var fulfillmentStatus: String

    public init(
        externalID: String, number: Int, customerIndex: Int, placedAt: Date, currency: String, lines: [DemoOrderLine],
        subtotalMinor: Int64, discountMinor: Int64, shippingMinor: Int64, taxMinor: Int64, totalMinor: Int64,
        discountCodes: [String], landingSite: String?, referringSite: String?, financialStatus: String,
        fulfillmentStatus: String
    ) {
        self.externalID = externalID
        self.number = number
        self.customerIndex = customerIndex
        self.placedAt = placedAt
        self.currency = currency
        self.lines = lines
        self.subtotalMinor = subtotalMinor
        self.discountMinor = discountMinor
        self.shippingMinor = shippingMinor
        self.taxMinor = taxMinor
        self.totalMinor = totalMinor
        self.discountCodes = discountCodes
        self.landingSite = landingSite
        self.referringSite = referringSite
        self.financialStatus = financialStatus
        self.fulfillmentStatus = fulfillmentStatus
    }
}
