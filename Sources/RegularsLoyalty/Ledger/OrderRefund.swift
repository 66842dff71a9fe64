import Foundation
import RegularsCore

/// A refund or a cancellation of an order, as it reaches the ledger.
public struct OrderRefund: Hashable, Sendable {
    public var orderID: String
    /// The platform's refund id; `nil` for a cancellation.
    public var refundID: String?
    /// This refund's amount (not the running total), in the currency and measure of the order value the points
    /// were recorded with (`OrderPoints.orderValue`). A cancellation takes back everything whatever the amount.
    public var amount: Money
    public var isCancellation: Bool
    public var at: Date

    /// One refund of `amount`, keyed `refund:<refundID>`.
    public static func refund(id refundID: String, orderID: String, amount: Money, at: Date) -> OrderRefund {
        OrderRefund(orderID: orderID, refundID: refundID, amount: amount, isCancellation: false, at: at)
    }

    /// The cancellation of the order (everything it earned is taken back), keyed `cancel:<orderID>`.
    public static func cancellation(orderID: String, currency: CurrencyCode, at: Date) -> OrderRefund {
        OrderRefund(orderID: orderID, refundID: nil, amount: .zero(currency), isCancellation: true, at: at)
    }

    public init(orderID: String, refundID: String?, amount: Money, isCancellation: Bool, at: Date) {
        self.orderID = orderID
        self.refundID = refundID
        self.amount = amount
        self.isCancellation = isCancellation
        self.at = at
    }

    public var key: IdempotencyKey {
        if let refundID, !isCancellation { return .refund(refundID) }
        return .cancellation(ofOrder: orderID)
    }
}
