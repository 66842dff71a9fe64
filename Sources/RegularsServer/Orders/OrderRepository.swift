import SQLKit

/// Reads orders with their lines and refunds, in four queries however many orders are asked for.
struct OrderRepository: Sendable {
    let database: Database

    func detail(_ id: Int64) async throws -> OrderDetail? {
        try await details(where: "o.id = \(bind: id)").first
    }

    /// A customer's orders, newest first.
    func details(customerID: Int64) async throws -> [OrderDetail] {
        try await details(where: "o.customer_id = \(bind: customerID)")
    }

    private struct OrderRow: Decodable {
        var id: Int64
        var source: String
        var externalId: String
        var number: String?
        var customerId: Int64?
        var email: String?
        var placedAt: Int64
        var currency: String
        var subtotalMinor: Int64
        var discountMinor: Int64
        var shippingMinor: Int64
        var taxMinor: Int64
        var totalMinor: Int64
        var baseCurrency: String
        var baseTotalMinor: Int64
        var financialStatus: String
        var fulfillmentStatus: String
        var cancelledAt: Int64?
        var discountCodes: String
        var landingSite: String?
        var referringSite: String?
    }

    private struct LineRow: Decodable {
        var id: Int64
        var orderId: Int64
        var position: Int
        var productId: Int64?
        var variantId: Int64?
        var sku: String?
        var title: String
        var quantity: Int
        var unitPriceMinor: Int64
        var discountMinor: Int64
        var totalMinor: Int64
    }

    private struct RefundRow: Decodable {
        var id: Int64
        var orderId: Int64
        var externalId: String
        var createdAt: Int64
        var currency: String
        var amountMinor: Int64
        var reason: String?
    }

    private struct RefundLineRow: Decodable {
        var refundId: Int64
        var orderLineId: Int64
        var quantity: Int
        var amountMinor: Int64
    }

    private func details(where condition: SQLQueryString) async throws -> [OrderDetail] {
        let selected: SQLQueryString = "SELECT o.id FROM orders o WHERE \(condition)"
        let (orders, lines, refunds, refundLines) = try await database.read { sql in
            let orders = try await sql.raw(
                """
                SELECT o.id, o.source, o.external_id, o.number, o.customer_id, o.email, o.placed_at, o.currency,
                    o.subtotal_minor, o.discount_minor, o.shipping_minor, o.tax_minor, o.total_minor, o.base_currency,
                    o.base_total_minor, o.financial_status, o.fulfillment_status, o.cancelled_at, o.discount_codes,
                    o.landing_site, o.referring_site
                FROM orders o WHERE \(condition) ORDER BY o.placed_at DESC, o.id DESC
                """
            ).all(decoding: OrderRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let lines = try await sql.raw(
                """
                SELECT id, order_id, position, product_id, variant_id, sku, title, quantity, unit_price_minor,
                    discount_minor, total_minor
                FROM order_lines WHERE order_id IN (\(selected)) ORDER BY order_id, position
                """
            ).all(decoding: LineRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let refunds = try await sql.raw(
                """
                SELECT id, order_id, external_id, created_at, currency, amount_minor, reason
                FROM refunds WHERE order_id IN (\(selected)) ORDER BY created_at, id
                """
            ).all(decoding: RefundRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let refundLines = try await sql.raw(
                """
                SELECT rl.refund_id, rl.order_line_id, rl.quantity, rl.amount_minor FROM refund_lines rl
                JOIN refunds r ON r.id = rl.refund_id WHERE r.order_id IN (\(selected)) ORDER BY rl.id
                """
            ).all(decoding: RefundLineRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return (orders, lines, refunds, refundLines)
        }
        let linesByOrder = Dictionary(grouping: lines, by: \.orderId)
        let refundsByOrder = Dictionary(grouping: refunds, by: \.orderId)
        let refundLinesByRefund = Dictionary(grouping: refundLines, by: \.refundId)
        return orders.map { order in
            let money = { (minor: Int64) in MoneyDTO(minorUnits: minor, currency: order.currency) }
            let orderRefunds = refundsByOrder[order.id] ?? []
            return OrderDetail(
                id: order.id, source: order.source, externalId: order.externalId, number: order.number,
                customerId: order.customerId, email: order.email,
                placedAt: Instant(milliseconds: order.placedAt).iso8601, subtotal: money(order.subtotalMinor),
                discount: money(order.discountMinor), shipping: money(order.shippingMinor), tax: money(order.taxMinor),
                total: money(order.totalMinor),
                baseTotal: MoneyDTO(minorUnits: order.baseTotalMinor, currency: order.baseCurrency),
                refunded: money(orderRefunds.reduce(0) { $0 + $1.amountMinor }),
                financialStatus: order.financialStatus, fulfillmentStatus: order.fulfillmentStatus,
                cancelledAt: order.cancelledAt.map { Instant(milliseconds: $0).iso8601 },
                discountCodes: JSONText.decode([String].self, from: order.discountCodes) ?? [],
                landingSite: order.landingSite, referringSite: order.referringSite,
                lines: (linesByOrder[order.id] ?? []).map { line in
                    OrderDetail.Line(
                        id: line.id, position: line.position, productId: line.productId, variantId: line.variantId,
                        sku: line.sku, title: line.title, quantity: line.quantity,
                        unitPrice: money(line.unitPriceMinor), discount: money(line.discountMinor),
                        total: money(line.totalMinor))
                },
                refunds: orderRefunds.map { refund in
                    OrderDetail.Refund(
                        id: refund.id, externalId: refund.externalId,
                        createdAt: Instant(milliseconds: refund.createdAt).iso8601,
                        amount: MoneyDTO(minorUnits: refund.amountMinor, currency: refund.currency),
                        reason: refund.reason,
                        lines: (refundLinesByRefund[refund.id] ?? []).map { line in
                            OrderDetail.RefundLine(
                                orderLineId: line.orderLineId, quantity: line.quantity,
                                amount: MoneyDTO(minorUnits: line.amountMinor, currency: refund.currency))
                        })
                })
        }
    }
}
