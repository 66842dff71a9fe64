import Foundation
import RegularsCore

/// Checks shared by every source.
enum Validation {
    static func notInFuture(_ date: Date, options: IngestOptions, field: String, text: String) throws(IngestError) {
        guard date <= options.latestAcceptableDate else {
            throw IngestError(
                .futureDate, field: field,
                reason: "'\(text)' is later than now plus the accepted clock tolerance")
        }
    }

    /// Checks `total == subtotal − discount + shipping + tax (unless included) + other charges` within
    /// `options.totalsTolerance(lineCount:)`; see docs/ingestion.md.
    static func checkTotals(_ order: IngestOrder, options: IngestOptions, totalField: String) throws(IngestError) {
        guard options.enforceTotals else { return }
        let expected = order.expectedTotalMinor
        let tolerance = options.totalsTolerance(lineCount: order.lines.count)
        guard abs(expected - order.totalMinor) <= tolerance else {
            let digits = order.currency.minorUnitDigits
            func text(_ minor: Int64) -> String { Money.decimalString(minorUnits: minor, digits: digits) }
            throw IngestError(
                .totalsMismatch, field: totalField,
                reason:
                    "total \(text(order.totalMinor)) \(order.currency.code) does not equal subtotal "
                    + "\(text(order.subtotalMinor)) − discount \(text(order.discountMinor)) + shipping "
                    + "\(text(order.shippingMinor)) + tax \(order.taxesIncluded ? "(included)" : text(order.taxMinor))"
                    + " + other charges \(text(order.otherChargesMinor)) = \(text(expected)) "
                    + "(tolerance \(text(tolerance)))")
        }
    }
}
