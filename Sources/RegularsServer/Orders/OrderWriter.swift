import SQLKit

/// Stores orders and refunds exactly once, keeping customer aggregates and loyalty points in step in the same
/// transaction.
struct OrderWriter: Sendable {
    let sql: any SQLDatabase

    /// Inserts the order, or updates it when `sourceUpdatedAt` is newer than what is stored; an equal or older
    /// delivery (a retry, or one that arrived out of order) changes nothing.
    func upsert(_ order: OrderInput) async throws -> WriteOutcome {
        let now = Instant.now.milliseconds
        let outcome: WriteOutcome
        // The common case, a new order, costs one statement: the insert that the unique (source, external_id) key
        // turns into a no-op when the order is already stored.
        if let id = try await insert(order, now: now) {
            try await writeLines(order.lines, orderID: id, replacing: false)
            outcome = .created(id)
        } else {
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
            try await writeLines(order.lines, orderID: existing.id, replacing: true)
            if let previous = existing.customerId, previous != order.customerID {
                try await CustomerAggregates.refresh(customerID: previous, on: sql)
            }
            outcome = .updated(existing.id)
        }
        if let customerID = order.customerID {
            try await CustomerAggregates.refresh(customerID: customerID, on: sql)
        }
        try await LoyaltyOrderEarning(sql: sql).orderWritten(outcome.id)
        return outcome
    }

    /// Inserts a new order and returns its id, or `nil` when (source, external id) is already stored.
    private func insert(_ order: OrderInput, now: Int64) async throws -> Int64? {
        try await sql.raw(
            """
            INSERT INTO orders (source, external_id, number, customer_id, email, placed_at, currency,
                subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor, base_currency,
                base_subtotal_minor, base_discount_minor, base_shipping_minor, base_tax_minor, base_total_minor,
                financial_status, fulfillment_status, cancelled_at, discount_codes, landing_site, referring_site,
                source_updated_at, created_at, updated_at)
            VALUES (\(bind: order.source), \(bind: order.externalID), \(bind: order.number),
                \(bind: order.customerID), \(bind: order.email), \(bind: order.placedAt.milliseconds),
                \(bind: order.currency), \(bind: order.subtotalMinor), \(bind: order.discountMinor),
                \(bind: order.shippingMinor), \(bind: order.taxMinor), \(bind: order.totalMinor),
                \(bind: order.base.currency), \(bind: order.base.subtotalMinor), \(bind: order.base.discountMinor),
                \(bind: order.base.shippingMinor), \(bind: order.base.taxMinor), \(bind: order.base.totalMinor),
                \(bind: order.financialStatus), \(bind: order.fulfillmentStatus),
                \(bind: order.cancelledAt?.milliseconds), \(bind: JSONText.encode(order.discountCodes)),
                \(bind: order.landingSite), \(bind: order.referringSite), \(bind: order.sourceUpdatedAt.milliseconds),
                \(bind: now), \(bind: now))
            ON CONFLICT (source, external_id) DO NOTHING
            RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self)
    }

    /// Lines are keyed by position, so refund lines that point at them survive an order update.
    /// `replacing`: the order was stored before, so lines beyond the new count are removed (unless refunded).
    private func writeLines(_ lines: [OrderInput.Line], orderID: Int64, replacing: Bool) async throws {
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
        guard replacing else { return }
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
        if let customerID = order.customerId {
            try await CustomerAggregates.refresh(customerID: customerID, on: sql)
        }
        try await LoyaltyOrderEarning(sql: sql).refundRecorded(id)
        return .created(id)
    }
}
