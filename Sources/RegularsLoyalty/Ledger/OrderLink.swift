import Foundation
import RegularsCore

/// Internal bookkeeping of one order-linked credit (pending or immediate): what refunds may still take back.
struct OrderLink: Hashable, Sendable {
    /// The sequence number of the original credit (the pending entry, or the immediate credit).
    let credit: Int64
    let orderID: String
    let orderValue: Money?
    /// Points the credit earned (before any debt was withheld).
    let points: Int64
    /// The lot holding its points once available.
    var lot: Int64?
    /// Points taken back so far: voided, reversed from lots, or recorded as shortfall.
    var taken: Int64 = 0
    /// Shortfall recorded so far for this credit.
    var shortfall: Int64 = 0
    /// The order's refunded total as of the last refund entry for this credit.
    var refundedTotal: Int64 = 0
}
