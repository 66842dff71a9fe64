import Foundation
import RegularsCore

/// Groups a Shopify orders export (one row per line item, order-level columns on the first row of each order)
/// into orders. Consecutive rows with the same `Name` are one order.
struct ShopifyOrdersCSVGrouper {
    let options: IngestOptions
    let name: Int
    let currency: Int
    let total: Int
    let createdAt: Int
    let quantity: Int
    let lineName: Int
    let linePrice: Int
    let optional: [String: Int]
    var current: CSVOrderGroup?

    static let required = [
        "Name", "Currency", "Total", "Created at", "Lineitem quantity", "Lineitem name",
        "Lineitem price",
    ]
    static let optionalColumns = [
        "Id", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Subtotal", "Shipping",
        "Taxes", "Discount Code", "Discount Amount", "Lineitem sku", "Lineitem discount", "Billing Name",
        "Billing Phone", "Phone", "Refunded Amount", "Cancelled at", "Billing Country", "Billing City",
        "Billing Zip", "Billing Address1",
    ]

    init(header: CSVHeader, options: IngestOptions) throws(IngestError) {
        self.options = options
        name = try header.require("Name")
        currency = try header.require("Currency")
        total = try header.require("Total")
        createdAt = try header.require("Created at")
        quantity = try header.require("Lineitem quantity")
        lineName = try header.require("Lineitem name")
        linePrice = try header.require("Lineitem price")
        var optional: [String: Int] = [:]
        for column in Self.optionalColumns { optional[column] = header.index(column) }
        self.optional = optional
    }

    mutating func consume(_ record: CSVRecord, _ emit: (CSVImportItem) throws -> Void) rethrows {
        let key = record.fields.indices.contains(name) ? ASCIITrim.spaces(record.fields[name]) : ""
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
            try emit(.rejection(row.reject("Name", "Name is empty")))
            return
        }
        if current?.key != key {
            try finish(emit)
            current = CSVOrderGroup(key: key, first: row)
        }
        do {
            let line = try orderLine(row)
            current?.add(line, row: row)
        } catch {
            current?.fail(error)
        }
    }

    mutating func finish(_ emit: (CSVImportItem) throws -> Void) rethrows {
        guard let group = current else { return }
        current = nil
        try emit(group.item(order))
    }

    func orderLine(_ row: CSVRow) throws(CSVRejection) -> IngestOrderLine {
        guard let code = row.text(currency) ?? current?.first.text(currency) else {
            throw row.reject("Currency", "Currency is empty")
        }
        guard let currency = CurrencyCode(code) else {
            throw row.reject("Currency", "'\(code)' is not an ISO 4217 currency code")
        }
        let quantity = try row.quantity(quantity, "Lineitem quantity") ?? 1
        let price = try row.amount(linePrice, "Lineitem price", currency) ?? 0
        return IngestOrderLine(
            sku: row.text(optional["Lineitem sku"] ?? nil), title: try row.required(lineName, "Lineitem name"),
            quantity: quantity, unitPriceMinor: price,
            discountMinor: try row.amount(optional["Lineitem discount"] ?? nil, "Lineitem discount", currency) ?? 0)
    }

    func column(_ name: String) -> Int? { optional[name] ?? nil }

    /// Builds the order from its first row. The export's `Subtotal` is after discounts, so the canonical
    /// subtotal is `Subtotal + Discount Amount`; `Total` must equal `Subtotal + Shipping + Taxes` (taxes added)
    /// or `Subtotal + Shipping` (prices include taxes) within the tolerance.
    func order(_ group: CSVOrderGroup) throws(CSVRejection) -> IngestOrder {
        let row = group.first
        guard let currency = try row.currency(currency, "Currency") else {
            throw row.reject("Currency", "Currency is empty")
        }
        guard let total = try row.amount(total, "Total", currency) else { throw row.reject("Total", "Total is empty") }
        let shipping = try row.amount(column("Shipping"), "Shipping", currency) ?? 0
        let taxes = try row.amount(column("Taxes"), "Taxes", currency) ?? 0
        let discount = try row.amount(column("Discount Amount"), "Discount Amount", currency) ?? 0
        let linesNet = group.lines.reduce(0) { $0 + $1.totalMinor }
        let subtotalAfterDiscount = try row.amount(column("Subtotal"), "Subtotal", currency) ?? linesNet
        let tolerance = options.totalsTolerance(lineCount: group.lines.count)
        var taxesIncluded = false
        if abs(subtotalAfterDiscount + shipping + taxes - total) <= tolerance {
            taxesIncluded = false
        } else if abs(subtotalAfterDiscount + shipping - total) <= tolerance {
            taxesIncluded = true
        } else if options.enforceTotals {
            throw row.reject("Total", "Total does not equal Subtotal + Shipping + Taxes")
        }
        guard let created = try row.date(createdAt, "Created at", options: options) else {
            throw row.reject("Created at", "Created at is empty")
        }
        let paid = try row.date(column("Paid at"), "Paid at", options: options)
        let cancelled = try row.date(column("Cancelled at"), "Cancelled at", options: options)
        let fulfilled = try row.date(column("Fulfilled at"), "Fulfilled at", options: options)
        let email = EmailAddress(row.text(column("Email")) ?? "")
        var customer: IngestCustomer?
        if let email {
            let (first, last) = SegmentMessage.splitName(row.text(column("Billing Name")) ?? "")
            customer = IngestCustomer(
                identities: [IngestIdentity(.email, email.value)], email: email,
                phone: PhoneNumber(row.text(column("Billing Phone")) ?? row.text(column("Phone")) ?? ""),
                firstName: first, lastName: last)
        }
        let billing = IngestAddress(
            name: row.text(column("Billing Name")), line1: row.text(column("Billing Address1")),
            city: row.text(column("Billing City")), postalCode: row.text(column("Billing Zip")),
            countryCode: row.text(column("Billing Country")), phone: row.text(column("Billing Phone")))
        let codes = (row.text(column("Discount Code")) ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let financial = row.text(column("Financial Status"))
        return IngestOrder(
            source: .csv, externalID: row.text(column("Id")) ?? group.key, number: group.key, customer: customer,
            email: email, placedAt: created, currency: currency, subtotalMinor: subtotalAfterDiscount + discount,
            discountMinor: discount, shippingMinor: shipping, taxMinor: taxes, taxesIncluded: taxesIncluded,
            totalMinor: total,
            refundedMinor: try row.amount(column("Refunded Amount"), "Refunded Amount", currency),
            financialStatus: financial.flatMap { IngestFinancialStatus(rawValue: $0.lowercased()) },
            fulfillmentStatus: row.text(column("Fulfillment Status")).flatMap {
                IngestFulfillmentStatus(rawValue: $0.lowercased())
            }, sourceStatus: financial, cancelledAt: cancelled, discountCodes: codes,
            billingAddress: billing.isEmpty ? nil : billing,
            sourceUpdatedAt: [created, paid, cancelled, fulfilled].compactMap { $0 }.max() ?? created,
            lines: group.lines)
    }
}
