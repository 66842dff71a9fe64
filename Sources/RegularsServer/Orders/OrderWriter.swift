import SQLKit

/// Stores orders and refunds exactly once, keeping customer aggregates and loyalty points in step in the same
/// transaction.
struct OrderWriter: Sendable {
    let sql: any SQLDatabase

    /// Inserts the order, or updates it when `sourceUpdatedAt` is newer than what is stored; an equal or older
    /// delivery (a retry, or one that arrived out of order) changes nothing.
    func upsert(_ order: OrderInput) async throws -> WriteOutcome {
        var touched: Set<Int64> = []
        let outcome = try await upsertAll([order], touched: &touched)[0]
        if case .unchanged = outcome { return outcome }
        try await CustomerAggregates.refresh(customerIDs: touched.sorted(), on: sql)
        try await LoyaltyOrderEarning(sql: sql).orderWritten(outcome.id)
        return outcome
    }

    /// ``upsert(_:)`` for orders with distinct (source, external id), without the aggregates refresh and the loyalty
    /// hook: the customers whose aggregates must follow are added to `touched`, for the caller to refresh once.
    /// The common case, all orders new, costs two statements: a multi-row insert that the unique (source,
    /// external_id) key turns into a no-op for orders already stored, and one multi-row insert of their lines.
    func upsertAll(_ orders: [OrderInput], touched: inout Set<Int64>) async throws -> [WriteOutcome] {
        let now = Instant.now.milliseconds
        let inserted = try await insertNew(orders, now: now)
        var newLines: [[any Encodable & Sendable]] = []
        var outcomes: [WriteOutcome] = []
        for order in orders {
            if let id = inserted[Key(source: order.source, externalID: order.externalID)] {
                for (position, line) in order.lines.enumerated() { newLines.append(Self.lineRow(line, position, id)) }
                if let customerID = order.customerID { touched.insert(customerID) }
                outcomes.append(.created(id))
            } else {
                outcomes.append(try await update(order, now: now, touched: &touched))
            }
        }
        try await BulkInsert.insert(into: "order_lines", columns: Self.lineColumns, rows: newLines, on: sql)
        return outcomes
    }

    private struct Key: Hashable {
        var source: String
        var externalID: String
    }

    private static let orderColumns = [
        "source", "external_id", "number", "customer_id", "email", "placed_at", "currency", "subtotal_minor",
        "discount_minor", "shipping_minor", "tax_minor", "total_minor", "base_currency", "base_subtotal_minor",
        "base_discount_minor", "base_shipping_minor", "base_tax_minor", "base_total_minor", "financial_status",
        "fulfillment_status", "cancelled_at", "discount_codes", "landing_site", "referring_site", "source_updated_at",
        "created_at", "updated_at",
    ]

    private static let lineColumns = [
        "order_id", "position", "product_id", "variant_id", "external_id", "sku", "title", "quantity",
        "unit_price_minor", "discount_minor", "total_minor",
    ]

    private static func lineRow(_ line: OrderInput.Line, _ position: Int, _ orderID: Int64)
        -> [any Encodable & Sendable]
    {
        [
            orderID, position, line.productID, line.variantID, line.externalID, line.sku, line.title, line.quantity,
            line.unitPriceMinor, line.discountMinor, line.totalMinor,
        ]
    }

    /// Inserts the orders not stored yet and returns their ids by (source, external id).
    private func insertNew(_ orders: [OrderInput], now: Int64) async throws -> [Key: Int64] {
        let rows: [[any Encodable & Sendable]] = orders.map { order in
            [
                order.source, order.externalID, order.number, order.customerID, order.email,
                order.placedAt.milliseconds, order.currency, order.subtotalMinor, order.discountMinor,
                order.shippingMinor, order.taxMinor, order.totalMinor, order.base.currency, order.base.subtotalMinor,
                order.base.discountMinor, order.base.shippingMinor, order.base.taxMinor, order.base.totalMinor,
                order.financialStatus, order.fulfillmentStatus, order.cancelledAt?.milliseconds,
                JSONText.encode(order.discountCodes), order.landingSite, order.referringSite,
                order.sourceUpdatedAt.milliseconds, now, now,
            ]
        }
        struct Row: Decodable { var id: Int64; var source: String; var externalId: String }
        let stored = try await BulkInsert.insertReturning(
            into: "orders", columns: Self.orderColumns, rows: rows, ignoringConflictsOn: ["source", "external_id"],
            returning: ["id", "source", "external_id"], on: sql
        ).map { try $0.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase) }
        return Dictionary(
            stored.map { (Key(source: $0.source, externalID: $0.externalId), $0.id) }, uniquingKeysWith: { a, _ in a })
    }

    /// An order already stored: updated when this delivery is newer, else `unchanged`.
    private func update(_ order: OrderInput, now: Int64, touched: inout Set<Int64>) async throws -> WriteOutcome {
        struct Existing: Decodable { var id: Int64; var sourceUpdatedAt: Int64; var customerId: Int64? }
        guard
            let existing = try await sql.raw(
                """
                SELECT id, source_updated_at, customer_id FROM orders
                WHERE source = \(bind: order.source) AND external_id = \(bind: order.externalID)
                """
            ).first(decoding: Existing.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw Problem(status: .internalServerError, detail: "The order was not stored") }
        guard order.sourceUpdatedAt.milliseconds > existing.sourceUpdatedAt else { return .unchanged(existing.id) }
        try await sql.raw(
            """
            UPDATE orders SET number = \(bind: order.number), customer_id = \(bind: order.customerID),
                email = \(bind: order.email), placed_at = \(bind: order.placedAt.milliseconds),
                currency = \(bind: order.currency), subtotal_minor = \(bind: order.subtotalMinor),
                discount_minor = \(bind: order.discountMinor), shipping_minor = \(bind: order.shippingMinor),
                tax_minor = \(bind: order.taxMinor), total_minor = \(bind: order.totalMinor),
                base_currency = \(bind: order.base.currency), base_subtotal_minor = \(bind: order.base.subtotalMinor),
                base_discount_minor = \(bind: order.base.discountMinor),
                base_shipping_minor = \(bind: order.base.shippingMinor), base_tax_minor = \(bind: order.base.taxMinor),
                base_total_minor = \(bind: order.base.totalMinor), financial_status = \(bind: order.financialStatus),
                fulfillment_status = \(bind: order.fulfillmentStatus),
                cancelled_at = \(bind: order.cancelledAt?.milliseconds),
                discount_codes = \(bind: JSONText.encode(order.discountCodes)),
                landing_site = \(bind: order.landingSite), referring_site = \(bind: order.referringSite),
                source_updated_at = \(bind: order.sourceUpdatedAt.milliseconds), updated_at = \(bind: now)
            WHERE id = \(bind: existing.id)
            """
        ).run()
        try await writeLines(order.lines, orderID: existing.id)
        if let previous = existing.customerId, previous != order.customerID { touched.insert(previous) }
        if let customerID = order.customerID { touched.insert(customerID) }
        return .updated(existing.id)
    }

    /// An updated order's lines, keyed by position, so refund lines that point at them survive the update; lines
    /// beyond the new count are removed (unless refunded).
    private func writeLines(_ lines: [OrderInput.Line], orderID: Int64) async throws {
        for (position, line) in lines.enumerated() {
            try await sql.raw(
                """
                INSERT INTO order_lines (order_id, position, product_id, variant_id, external_id, sku, title, quantity,
                    unit_price_minor, discount_minor, total_minor)
                VALUES (\(bind: orderID), \(bind: position), \(bind: line.productID), \(bind: line.variantID),
                    \(bind: line.externalID), \(bind: line.sku), \(bind: line.title), \(bind: line.quantity),
                    \(bind: line.unitPriceMinor), \(bind: line.discountMinor), \(bind: line.totalMinor))
                ON CONFLICT (order_id, position) DO UPDATE SET product_id = excluded.product_id,
                    variant_id = excluded.variant_id, external_id = excluded.external_id, sku = excluded.sku,
                    title = excluded.title, quantity = excluded.quantity, unit_price_minor = excluded.unit_price_minor,
                    discount_minor = excluded.discount_minor, total_minor = excluded.total_minor
                """
            ).run()
        }
        try await sql.raw(
            """
            DELETE FROM order_lines WHERE order_id = \(bind: orderID) AND position >= \(bind: lines.count)
                AND id NOT IN (SELECT order_line_id FROM refund_lines)
            """
        ).run()
    }

    /// Records a refund once (a repeated external id is `unchanged`), marks the order refunded or partially refunded,
    /// and refreshes the customer's aggregates.
    func record(_ refund: RefundInput) async throws -> WriteOutcome {
        if let existing = try await sql.raw(
            "SELECT id FROM refunds WHERE source = \(bind: refund.source) AND external_id = \(bind: refund.externalID)"
        ).first(decodingColumn: "id", as: Int64.self) {
            return .unchanged(existing)
        }
        struct OrderFacts: Decodable { var customerId: Int64?; var totalMinor: Int64 }
        guard
            let order = try await sql.raw(
                "SELECT customer_id, total_minor FROM orders WHERE id = \(bind: refund.orderID)"
            ).first(decoding: OrderFacts.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw Problem.notFound("Order \(refund.orderID)") }
        let id = try await sql.raw(
            """
            INSERT INTO refunds (order_id, source, external_id, created_at, currency, amount_minor, base_amount_minor, reason)
            VALUES (\(bind: refund.orderID), \(bind: refund.source), \(bind: refund.externalID),
                \(bind: refund.createdAt.milliseconds), \(bind: refund.currency), \(bind: refund.amountMinor),
                \(bind: refund.baseAmountMinor), \(bind: refund.reason))
            RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self)
        guard let id else { throw Problem(status: .internalServerError, detail: "The refund was not stored") }
        for line in refund.lines {
            try await sql.raw(
                """
                INSERT INTO refund_lines (refund_id, order_line_id, quantity, amount_minor)
                SELECT \(bind: id), id, \(bind: line.quantity), \(bind: line.amountMinor) FROM order_lines
                WHERE order_id = \(bind: refund.orderID) AND position = \(bind: line.position)
                """
            ).run()
        }
        let refundedTotal =
            try await sql.raw(
                "SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM refunds WHERE order_id = \(bind: refund.orderID)"
            ).first(decodingColumn: "total", as: Int64.self) ?? 0
        let status = refundedTotal >= order.totalMinor ? "refunded" : "partially_refunded"
        try await sql.raw(
            "UPDATE orders SET financial_status = \(bind: status), updated_at = \(bind: Instant.now.milliseconds) WHERE id = \(bind: refund.orderID)"
        ).run()
        try await CustomerAggregates.refresh(customerIDs: order.customerId.map { [$0] } ?? [], on: sql)
        try await LoyaltyOrderEarning(sql: sql).refundRecorded(id)
        return .created(id)
    }
}
