import Foundation
import RegularsCore
import RegularsDemo
import SQLKit

/// Fills an empty database with the deterministic demo store, in one transaction: rows get the ids of their position
/// in the generated store, aggregates are rebuilt once at the end, and PostgreSQL's id sequences are moved past them.
struct DemoSeeder: Sendable {
    let database: Database
    let baseCurrency: CurrencyCode

    struct Counts: Sendable, Equatable {
        var customers = 0
        var products = 0
        var orders = 0
        var refunds = 0
        var checkouts = 0
        var events = 0
    }

    /// Seeds when the database has no customers yet; returns `nil` when it already had some.
    func seedIfEmpty(_ store: DemoStore) async throws -> Counts? {
        let dialect = database.dialect
        let base = baseCurrency.code
        return try await database.write { sql -> Counts? in
            let existing = try await sql.raw("SELECT COUNT(*) AS n FROM customers").first(
                decodingColumn: "n", as: Int.self)
            guard existing == 0 else { return nil }
            let now = Instant.now.milliseconds
            let ms = { (date: Date) in Instant(date).milliseconds }
            var counts = Counts()

            try await BulkInsert.insert(
                into: "customers",
                columns: [
                    "id", "email", "phone", "first_name", "last_name", "birth_month", "birth_day", "birth_year",
                    "locale", "time_zone", "tags", "search_text", "created_at", "updated_at",
                ],
                rows: store.customers.enumerated().map { index, customer in
                    [
                        Int64(index + 1), customer.email, customer.phone, customer.firstName, customer.lastName,
                        customer.birthMonth, customer.birthDay, customer.birthYear, customer.locale, customer.timeZone,
                        JSONText.encode(customer.tags),
                        CustomerSearchText.make(
                            firstName: customer.firstName, lastName: customer.lastName, email: customer.email,
                            phone: customer.phone),
                        ms(customer.createdAt), ms(customer.createdAt),
                    ]
                }, on: sql)
            counts.customers = store.customers.count
            try await BulkInsert.insert(
                into: "customer_identities", columns: ["customer_id", "source", "external_id", "created_at"],
                rows: store.customers.enumerated().flatMap { index, customer -> [[any Encodable & Sendable]] in
                    [
                        [Int64(index + 1), IdentitySource.demo.rawValue, customer.externalID, ms(customer.createdAt)],
                        [Int64(index + 1), IdentitySource.email.rawValue, customer.email, ms(customer.createdAt)],
                    ]
                }, on: sql)
            try await BulkInsert.insert(
                into: "customer_consents", columns: ["customer_id", "channel", "granted", "occurred_at", "source"],
                rows: store.customers.enumerated().flatMap { index, customer -> [[any Encodable & Sendable]] in
                    let choices: [(ConsentChannel, Bool)] = [
                        (.email, customer.emailConsent), (.sms, customer.smsConsent),
                        (.whatsapp, customer.whatsappConsent),
                    ]
                    return choices.filter(\.1).map { channel, granted in
                        [Int64(index + 1), channel.rawValue, granted, ms(customer.createdAt), "demo"]
                    }
                }, on: sql)

            var variantIDs: [[Int64]] = []
            var nextVariantID: Int64 = 1
            try await BulkInsert.insert(
                into: "products", columns: ["id", "source", "external_id", "title", "category", "created_at"],
                rows: store.products.enumerated().map { index, product in
                    [Int64(index + 1), "demo", product.externalID, product.title, product.category, now]
                }, on: sql)
            var variantRows: [[any Encodable & Sendable]] = []
            for (productIndex, product) in store.products.enumerated() {
                var ids: [Int64] = []
                for variant in product.variants {
                    ids.append(nextVariantID)
                    variantRows.append([
                        nextVariantID, Int64(productIndex + 1), variant.externalID, variant.sku, variant.title,
                        variant.priceMinor, store.currency,
                    ])
                    nextVariantID += 1
                }
                variantIDs.append(ids)
            }
            try await BulkInsert.insert(
                into: "product_variants",
                columns: ["id", "product_id", "external_id", "sku", "title", "price_minor", "currency"],
                rows: variantRows, on: sql)
            counts.products = store.products.count

            var orderRows: [[any Encodable & Sendable]] = []
            var lineRows: [[any Encodable & Sendable]] = []
            var lineIDs: [[Int64]] = []
            var nextLineID: Int64 = 1
            for (index, order) in store.orders.enumerated() {
                let placed = ms(order.placedAt)
                orderRows.append([
                    Int64(index + 1), "demo", order.externalID, "#\(order.number)", Int64(order.customerIndex + 1),
                    store.customers[order.customerIndex].email, placed, order.currency, order.subtotalMinor,
                    order.discountMinor, order.shippingMinor, order.taxMinor, order.totalMinor, base,
                    order.subtotalMinor, order.discountMinor, order.shippingMinor, order.taxMinor, order.totalMinor,
                    order.financialStatus, order.fulfillmentStatus, JSONText.encode(order.discountCodes),
                    order.landingSite, order.referringSite, placed, placed, placed,
                ])
                var ids: [Int64] = []
                for (position, line) in order.lines.enumerated() {
                    let product = store.products[line.productIndex]
                    let variant = product.variants[line.variantIndex]
                    lineRows.append([
                        nextLineID, Int64(index + 1), position, Int64(line.productIndex + 1),
                        variantIDs[line.productIndex][line.variantIndex], variant.externalID, variant.sku,
                        product.title, line.quantity, line.unitPriceMinor, line.discountMinor,
                        line.unitPriceMinor * Int64(line.quantity) - line.discountMinor,
                    ])
                    ids.append(nextLineID)
                    nextLineID += 1
                }
                lineIDs.append(ids)
            }
            try await BulkInsert.insert(
                into: "orders",
                columns: [
                    "id", "source", "external_id", "number", "customer_id", "email", "placed_at", "currency",
                    "subtotal_minor", "discount_minor", "shipping_minor", "tax_minor", "total_minor", "base_currency",
                    "base_subtotal_minor", "base_discount_minor", "base_shipping_minor", "base_tax_minor",
                    "base_total_minor", "financial_status", "fulfillment_status", "discount_codes", "landing_site",
                    "referring_site", "source_updated_at", "created_at", "updated_at",
                ], rows: orderRows, on: sql)
            try await BulkInsert.insert(
                into: "order_lines",
                columns: [
                    "id", "order_id", "position", "product_id", "variant_id", "external_id", "sku", "title", "quantity",
                    "unit_price_minor", "discount_minor", "total_minor",
                ], rows: lineRows, on: sql)
            counts.orders = store.orders.count

            try await BulkInsert.insert(
                into: "refunds",
                columns: [
                    "id", "order_id", "source", "external_id", "created_at", "currency", "amount_minor",
                    "base_amount_minor", "reason",
                ],
                rows: store.refunds.enumerated().map { index, refund in
                    [
                        Int64(index + 1), Int64(refund.orderIndex + 1), "demo", refund.externalID, ms(refund.createdAt),
                        store.orders[refund.orderIndex].currency, refund.amountMinor, refund.amountMinor, refund.reason,
                    ]
                }, on: sql)
            try await BulkInsert.insert(
                into: "refund_lines", columns: ["refund_id", "order_line_id", "quantity", "amount_minor"],
                rows: store.refunds.enumerated().flatMap { index, refund -> [[any Encodable & Sendable]] in
                    refund.lines.map { line in
                        [Int64(index + 1), lineIDs[refund.orderIndex][line.lineIndex], line.quantity, line.amountMinor]
                    }
                }, on: sql)
            counts.refunds = store.refunds.count

            try await BulkInsert.insert(
                into: "checkouts",
                columns: [
                    "source", "token", "customer_id", "email", "currency", "value_minor", "recovery_url",
                    "created_at", "updated_at", "completed_at",
                ],
                rows: store.checkouts.map { checkout in
                    [
                        "demo", checkout.token, Int64(checkout.customerIndex + 1),
                        store.customers[checkout.customerIndex].email, store.currency, checkout.valueMinor,
                        checkout.recoveryURL, ms(checkout.createdAt), ms(checkout.createdAt),
                        checkout.completedAt.map(ms),
                    ]
                }, on: sql)
            counts.checkouts = store.checkouts.count
            try await BulkInsert.insert(
                into: "events",
                columns: ["message_id", "type", "customer_id", "properties", "occurred_at", "received_at", "source"],
                rows: store.events.map { event in
                    [
                        event.messageID, event.type, Int64(event.customerIndex + 1), JSONText.encode(event.properties),
                        ms(event.occurredAt), ms(event.occurredAt), "demo",
                    ]
                }, on: sql)
            counts.events = store.events.count

            try await CustomerAggregates.rebuildAll(on: sql)
            if dialect == .postgres {
                for table in ["customers", "products", "product_variants", "orders", "order_lines", "refunds"] {
                    try await sql.raw(
                        """
                        SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id'),
                            (SELECT COALESCE(MAX(id), 0) + 1 FROM \(unsafeRaw: table)), false)
                        """
                    ).run()
                }
            }
            return counts
        }
    }
}
