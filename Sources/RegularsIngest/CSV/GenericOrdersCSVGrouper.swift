import Foundation
import RegularsCore

/// Groups a generic order CSV (see ``GenericCSVMapping``) into orders. The format carries only the order total,
/// so the canonical subtotal is the total and discount, shipping and tax are zero; lines are informational.
struct GenericOrdersCSVGrouper {
    let mapping: GenericCSVMapping
    let options: IngestOptions
    let customerID: Int
    let orderID: Int
    let date: Int
    let total: Int
    let currency: Int?
    let email: Int?
    let name: Int?
    let product: Int?
    let quantity: Int?
    let price: Int?
    /// ``GenericCSVMapping/timeZone``, or `nil` for UTC (which needs no offset lookups).
    let timeZone: TimeZone?
    var current: CSVOrderGroup?

    init(header: CSVHeader, mapping: GenericCSVMapping, options: IngestOptions) throws(IngestError) {
        self.mapping = mapping
        self.options = options
        customerID = try header.require(mapping.customerID)
        orderID = try header.require(mapping.orderID)
        date = try header.require(mapping.date)
        total = try header.require(mapping.total)
        currency = mapping.currency.flatMap(header.index)
        if currency == nil, mapping.defaultCurrency == nil {
            throw IngestError(
                .missingField, field: mapping.currency ?? "currency",
                reason: "the header has no currency column and the mapping no default currency")
        }
        email = mapping.email.flatMap(header.index)
        name = mapping.name.flatMap(header.index)
        product = mapping.product.flatMap(header.index)
        quantity = mapping.quantity.flatMap(header.index)
        price = mapping.price.flatMap(header.index)
        let utc = mapping.timeZone.secondsFromGMT() == 0 && mapping.timeZone.nextDaylightSavingTimeTransition == nil
        timeZone = utc ? nil : mapping.timeZone
    }

    mutating func consume(_ record: CSVRecord, _ emit: (CSVImportItem) throws -> Void) rethrows {
        let key =
            record.fields.indices.contains(orderID) ? ASCIITrim.spaces(record.fields[orderID]) : ""
        let row = CSVRow(record: record, reference: key.isEmpty ? nil : key)
        if let problem = record.problem {
            if current?.key == key {
                current?.fail(row.reject(nil, problem))
            } else {
                try finish(emit)
                try emit(.rejection(row.reject(nil, problem)))
            }
            return
        }
        guard !key.isEmpty else {
            try finish(emit)
            try emit(.rejection(row.reject(mapping.orderID, "\(mapping.orderID) is empty")))
            return
        }
        if current?.key != key {
            try finish(emit)
            current = CSVOrderGroup(key: key, first: row)
        }
        do {
            if let line = try orderLine(row) { current?.add(line, row: row) }
        } catch {
            current?.fail(error)
        }
    }

    mutating func finish(_ emit: (CSVImportItem) throws -> Void) rethrows {
        guard let group = current else { return }
        current = nil
        try emit(group.item(order))
    }

    func currency(_ row: CSVRow) throws(CSVRejection) -> CurrencyCode {
        let column = mapping.currency ?? "currency"
        if let currency = try row.currency(currency, column) { return currency }
        if let first = current?.first, let currency = try first.currency(self.currency, column) { return currency }
        guard let fallback = mapping.defaultCurrency else { throw row.reject(column, "\(column) is empty") }
        return fallback
    }

    func orderLine(_ row: CSVRow) throws(CSVRejection) -> IngestOrderLine? {
        let title = row.text(product)
        let unitPrice = try row.amount(price, mapping.price ?? "price", try currency(row))
        guard title != nil || unitPrice != nil else { return nil }
        return IngestOrderLine(
            title: title ?? "Item", quantity: try row.quantity(quantity, mapping.quantity ?? "quantity") ?? 1,
            unitPriceMinor: unitPrice ?? 0)
    }

    func order(_ group: CSVOrderGroup) throws(CSVRejection) -> IngestOrder {
        let row = group.first
        let currency = try currency(row)
        let customer = try row.required(customerID, mapping.customerID)
        guard let total = try row.amount(total, mapping.total, currency) else {
            throw row.reject(mapping.total, "\(mapping.total) is empty")
        }
        guard let placedAt = try row.date(date, mapping.date, options: options, timeZone: timeZone) else {
            throw row.reject(mapping.date, "\(mapping.date) is empty")
        }
        let email = row.text(email).flatMap(EmailAddress.init)
        var identities = [IngestIdentity(.csv, customer)]
        if let email { identities.append(IngestIdentity(.email, email.value)) }
        var first: String?
        var last: String?
        if let fullName = row.text(name) { (first, last) = SegmentMessage.splitName(fullName) }
        return IngestOrder(
            source: .csv, externalID: group.key,
            customer: IngestCustomer(identities: identities, email: email, firstName: first, lastName: last),
            email: email, placedAt: placedAt, currency: currency, subtotalMinor: total, totalMinor: total,
            sourceUpdatedAt: placedAt, lines: group.lines)
    }
}
