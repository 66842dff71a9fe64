/// What a tracking call changes besides being recorded as an event.
public enum SegmentEffect: Sendable, Equatable {
    /// Only the event is recorded.
    case none
    /// identify: customer attributes to merge.
    case customer(IngestCustomer)
    /// alias: `previousID` and `userID` are the same person.
    case alias(IngestAlias)
    /// Order Completed (a new order) or Order Updated (an upsert of the same `order_id`).
    case order(IngestOrder)
    case orderCancelled(IngestOrderCancellation)
    /// Order Refunded, full (`amountMinor == nil`) or partial.
    case refund(IngestRefund)
    /// Checkout Started.
    case checkout(IngestCheckout)
}
