import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit

/// A stored order as the loyalty rules need it.
struct LoyaltyOrderFacts: Sendable {
    let id: Int64
    let customerID: Int64?
    let placedAt: Date
    let isCancelled: Bool
    let financialStatus: String
    let discountCodes: [String]
    let base: Row
    /// Lines in the order's currency, with their product's category; used only when it is the base currency.
    let lines: [LoyaltyOrderLine]

    struct Row: Decodable, Sendable {
        var id: Int64
        var customerId: Int64?
        var placedAt: Int64
        var cancelledAt: Int64?
        var financialStatus: String
        var discountCodes: String
        var currency: String
        var baseCurrency: String
        var baseSubtotalMinor: Int64
        var baseShippingMinor: Int64
        var baseTaxMinor: Int64
        var baseTotalMinor: Int64
        /// Refunded so far, in the base currency.
        var refundedMinor: Int64
    }

    private struct Line: Decodable {
        var orderId: Int64
        var productId: Int64?
        var quantity: Int64
        var unitPriceMinor: Int64
        var discountMinor: Int64
        var category: String?
    }

    private static let orderColumns = """
        o.id, o.customer_id, o.placed_at, o.cancelled_at, o.financial_status, o.discount_codes, o.currency, \
        o.base_currency, o.base_subtotal_minor, o.base_shipping_minor, o.base_tax_minor, o.base_total_minor, \
        CAST(COALESCE((SELECT SUM(r.base_amount_minor) FROM refunds r WHERE r.order_id = o.id), 0) AS BIGINT) \
        AS refunded_minor
        """

    private static let lineColumns = """
        l.order_id, l.product_id, l.quantity, l.unit_price_minor, l.discount_minor, p.category
        """

    var refundedMinor: Int64 { base.refundedMinor }

    static func load(_ id: Int64, on sql: any SQLDatabase) async throws -> LoyaltyOrderFacts? {
        guard
            let row = try await sql.raw("SELECT \(unsafeRaw: orderColumns) FROM orders o WHERE o.id = \(bind: id)")
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        let lines = try await sql.raw(
            """
            SELECT \(unsafeRaw: lineColumns) FROM order_lines l LEFT JOIN products p ON p.id = l.product_id
            WHERE l.order_id = \(bind: id) ORDER BY l.position
            """
        ).all(decoding: Line.self, keyDecodingStrategy: .convertFromSnakeCase)
        return LoyaltyOrderFacts(row, lines: lines)
    }

    /// Every order of a customer placed at or after `since`, with its lines (for the dry run).
    static func loadAll(placedSince since: Date, on sql: any SQLDatabase) async throws -> [LoyaltyOrderFacts] {
        let start = Instant(since).milliseconds
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: orderColumns) FROM orders o
            WHERE o.placed_at >= \(bind: start) AND o.customer_id IS NOT NULL ORDER BY o.id
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let lines = try await sql.raw(
            """
            SELECT \(unsafeRaw: lineColumns) FROM order_lines l JOIN orders o ON o.id = l.order_id
            LEFT JOIN products p ON p.id = l.product_id
            WHERE o.placed_at >= \(bind: start) AND o.customer_id IS NOT NULL ORDER BY l.order_id, l.position
            """
        ).all(decoding: Line.self, keyDecodingStrategy: .convertFromSnakeCase)
        let byOrder = Dictionary(grouping: lines, by: \.orderId)
        return rows.map { LoyaltyOrderFacts($0, lines: byOrder[$0.id] ?? []) }
    }

    private init(_ row: Row, lines: [Line]) {
        id = row.id
        customerID = row.customerId
        placedAt = Instant(milliseconds: row.placedAt).date
        isCancelled = row.cancelledAt != nil
        financialStatus = row.financialStatus
        discountCodes = JSONText.decode([String].self, from: row.discountCodes) ?? []
        base = row
        self.lines =
            row.currency == row.baseCurrency
            ? lines.map {
                LoyaltyOrderLine(
                    productID: $0.productId.map { "\($0)" }, categories: $0.category.map { [$0] } ?? [],
                    quantity: $0.quantity, unitPrice: $0.unitPriceMinor, discount: $0.discountMinor)
            } : []
    }

    /// The order for the earning rules, in the base currency, totalling what the shopper paid (the base total):
    /// its own lines when it was placed in the base currency, with whatever the lines do not explain as an order
    /// discount; otherwise one line of its base subtotal (categories then cannot be told apart).
    func loyaltyOrder(currency: CurrencyCode) -> LoyaltyOrder {
        let paidForGoods = max(0, base.baseTotalMinor - base.baseShippingMinor - base.baseTaxMinor)
        let linesNet = lines.reduce(Int64(0)) { $0 + $1.subtotal - $1.discount }
        let orderLines: [LoyaltyOrderLine]
        let orderDiscount: Int64
        if !lines.isEmpty, linesNet >= paidForGoods {
            orderLines = lines
            orderDiscount = linesNet - paidForGoods
        } else {
            let gross = max(base.baseSubtotalMinor, paidForGoods)
            orderLines = [LoyaltyOrderLine(quantity: 1, unitPrice: gross)]
            orderDiscount = gross - paidForGoods
        }
        return LoyaltyOrder(
            orderID: "\(id)", placedAt: placedAt, currency: currency, lines: orderLines,
            orderDiscount: orderDiscount, shipping: base.baseShippingMinor, tax: base.baseTaxMinor)
    }

    /// Whether this is the customer's first kept order (earliest placement, ties by id).
    func isFirstOrder(on sql: any SQLDatabase) async throws -> Bool {
        guard let customerID else { return false }
        let first = try await sql.raw(
            """
            SELECT id FROM orders WHERE customer_id = \(bind: customerID) AND cancelled_at IS NULL
            ORDER BY placed_at, id LIMIT 1
            """
        ).first(decodingColumn: "id", as: Int64.self)
        return first == id
    }
}
