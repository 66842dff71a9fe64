import Foundation

/// One order as the retention metrics, cohorts and RFM see it.
///
/// Amounts are integer minor units of the store's base currency (orders in other currencies must be converted by
/// the caller, at the rate of the order date, before they get here). An order counts when it is not cancelled and
/// not fully refunded; a counted order contributes its net amount `amountMinor − refundedMinor` (never below 0) to
/// revenue. A fully refunded order (refund ≥ amount, amount > 0) is treated like a cancelled one.
public struct OrderRecord: Sendable, Hashable, Codable {
    public var customerID: Int64
    public var placedAt: Date
    /// Order total in base-currency minor units.
    public var amountMinor: Int64
    /// Refunded so far, in base-currency minor units.
    public var refundedMinor: Int64
    public var isCancelled: Bool

    public init(
        customerID: Int64, placedAt: Date, amountMinor: Int64, refundedMinor: Int64 = 0, isCancelled: Bool = false
    ) {
        self.customerID = customerID
        self.placedAt = placedAt
        self.amountMinor = amountMinor
        self.refundedMinor = refundedMinor
        self.isCancelled = isCancelled
    }

    /// Whether the order counts as an order (not cancelled, not fully refunded).
    public var counts: Bool {
        !isCancelled && !(amountMinor > 0 && refundedMinor >= amountMinor)
    }

    /// Net revenue of the order: amount minus refunds, at least 0; 0 when the order does not count.
    public var netAmountMinor: Int64 {
        counts ? max(0, amountMinor - refundedMinor) : 0
    }
}
