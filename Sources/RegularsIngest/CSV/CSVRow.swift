import Foundation
import RegularsCore

/// Typed access to one record's cells; failures become ``CSVRejection``s naming the line and column.
struct CSVRow {
    let record: CSVRecord
    let reference: String?

    func text(_ index: Int?) -> String? {
        guard let index, index < record.fields.count else { return nil }
        let value = ASCIITrim.spaces(record.fields[index])
        return value.isEmpty ? nil : value
    }

    func reject(_ column: String?, _ reason: String) -> CSVRejection {
        CSVRejection(line: record.line, column: column, reason: reason, orderReference: reference)
    }

    func required(_ index: Int?, _ column: String) throws(CSVRejection) -> String {
        guard let value = text(index) else { throw reject(column, "\(column) is empty") }
        return value
    }

    /// A non-negative amount (`-` allowed only with `allowNegative`), exact in `currency`.
    func amount(
        _ index: Int?, _ column: String, _ currency: CurrencyCode, allowNegative: Bool = false
    ) throws(CSVRejection) -> Int64? {
        guard let value = text(index) else { return nil }
        let minor: Int64
        do {
            minor = try DecimalText.minorUnits(value, digits: currency.minorUnitDigits)
        } catch {
            throw reject(column, "'\(value)' is not an amount in \(currency.code)")
        }
        guard allowNegative || minor >= 0 else { throw reject(column, "'\(value)' is negative") }
        return minor
    }

    func quantity(_ index: Int?, _ column: String) throws(CSVRejection) -> Int64? {
        guard let value = text(index) else { return nil }
        guard let quantity = DecimalText.integer(value) else {
            throw reject(column, "'\(value)' is not a whole number")
        }
        guard quantity >= 0 else { throw reject(column, "'\(value)' is negative") }
        return quantity
    }

    func currency(_ index: Int?, _ column: String) throws(CSVRejection) -> CurrencyCode? {
        guard let value = text(index) else { return nil }
        guard let currency = CurrencyCode(value) else {
            throw reject(column, "'\(value)' is not an ISO 4217 currency code")
        }
        return currency
    }

    /// A date or date-time; values without an offset are read in `timeZone` (`nil`: UTC).
    func date(
        _ index: Int?, _ column: String, options: IngestOptions, timeZone: TimeZone? = nil
    ) throws(CSVRejection) -> Date? {
        guard let value = text(index) else { return nil }
        guard let date = TimestampParser.parse(value, defaultTimeZone: timeZone) else {
            throw reject(column, "'\(value)' is not a date")
        }
        guard date <= options.latestAcceptableDate else { throw reject(column, "'\(value)' is in the future") }
        return date
    }
}
