import Foundation
import RegularsCore
import RegularsIngest
import SQLKit

/// Writes parsed store data (from `RegularsIngest`) through the customer and order writers, inside the caller's
/// write transaction: customers are resolved by every identity the source gives, orders and refunds are stored
/// once, and the customer's aggregates follow in the same transaction.
struct IngestWriter: Sendable {
    let sql: any SQLDatabase
    let baseCurrency: CurrencyCode

    /// The customer these facts belong to (resolved, created or merged), with the reported consents appended to the
    /// history under `consentSource` (default: the source's name). `cache`: the transaction's identity look-ups.
    func customerID(
        for customer: IngestCustomer?, email: EmailAddress?, consentSource: String? = nil, cache: IdentityCache? = nil
    ) async throws -> Int64? {
        guard customer != nil || email != nil else { return nil }
        let writer = CustomerWriter(sql: sql)
        let id = try await writer.resolve(
            Self.identities(of: customer), profile: Self.profile(of: customer, email: email), at: .now, cache: cache)
        for consent in customer?.consents ?? [] {
            try await writer.recordConsent(
                customerID: id, channel: consent.channel, granted: consent.granted, at: Instant(consent.at),
                source: consentSource ?? consent.source.rawValue)
        }
        return id
    }

    static func identities(of customer: IngestCustomer?) -> [CustomerIdentity] {
        (customer?.identities ?? []).map { CustomerIdentity(source: $0.source, externalID: $0.value) }
    }

    static func profile(of customer: IngestCustomer?, email: EmailAddress?) -> CustomerInput {
        CustomerInput(
            email: customer?.email ?? email, phone: customer?.phone, firstName: customer?.firstName,
            lastName: customer?.lastName, birthday: customer?.birthday, locale: customer?.supportedLocale,
            timeZone: customer?.timeZoneIdentifier, tags: customer.flatMap { $0.tags.isEmpty ? nil : $0.tags })
    }

    /// Checks everything that can refuse the order before writing anything, so a refused order leaves no customer.
    func apply(_ order: IngestOrder) async throws -> WriteOutcome {
        let base = try baseAmounts(of: order)
        let customerID = try await customerID(for: order.customer, email: order.email)
        return try await OrderWriter(sql: sql).upsert(Self.orderInput(order, base: base, customerID: customerID))
    }

    /// The order's amounts in the store's base currency; a 422 problem when it carries none.
    func baseAmounts(of order: IngestOrder) throws -> OrderInput.BaseAmounts {
        let base: OrderInput.BaseAmounts
        if let amounts = order.baseAmounts, amounts.currency == baseCurrency {
            base = .init(
                currency: amounts.currency.code, subtotalMinor: amounts.subtotalMinor,
                discountMinor: amounts.discountMinor, shippingMinor: amounts.shippingMinor, taxMinor: amounts.taxMinor,
                totalMinor: amounts.totalMinor)
        } else if order.currency == baseCurrency {
            base = .init(
                currency: order.currency.code, subtotalMinor: order.subtotalMinor, discountMinor: order.discountMinor,
                shippingMinor: order.shippingMinor, taxMinor: order.taxMinor, totalMinor: order.totalMinor)
        } else {
            throw Problem.invalidField(
                "currency",
                "the order is in \(order.currency.code) and carries no amounts in the store's \(baseCurrency.code)")
        }
        return base
    }

    static func orderInput(_ order: IngestOrder, base: OrderInput.BaseAmounts, customerID: Int64?) -> OrderInput {
        OrderInput(
            source: order.source.rawValue, externalID: order.externalID, number: order.number, customerID: customerID,
            email: order.email?.value, placedAt: Instant(order.placedAt), currency: order.currency.code,
            subtotalMinor: order.subtotalMinor, discountMinor: order.discountMinor, shippingMinor: order.shippingMinor,
            taxMinor: order.taxMinor, totalMinor: order.totalMinor, base: base,
            financialStatus: order.financialStatus?.rawValue ?? "pending",
            fulfillmentStatus: order.fulfillmentStatus?.rawValue ?? "unfulfilled",
            cancelledAt: order.cancelledAt.map(Instant.init), discountCodes: order.discountCodes,
            landingSite: order.landingSite, referringSite: order.referringSite,
            sourceUpdatedAt: Instant(order.sourceUpdatedAt),
            lines: order.lines.map { line in
                OrderInput.Line(
                    productID: nil, variantID: nil, externalID: line.externalID, sku: line.sku, title: line.title,
                    quantity: Int(line.quantity), unitPriceMinor: line.unitPriceMinor, discountMinor: line.discountMinor
                )
            })
    }

    /// A refund of an order that is not stored yet is refused (422), so the sender retries it after the order.
    func apply(_ refund: IngestRefund) async throws -> WriteOutcome {
        struct Order: Decodable {
            var id: Int64; var currency: String; var totalMinor: Int64; var baseTotalMinor: Int64
        }
        guard
            let order = try await sql.raw(
                """
                SELECT id, currency, total_minor, base_total_minor FROM orders
                WHERE source = \(bind: refund.source.rawValue) AND external_id = \(bind: refund.orderExternalID)
                """
            ).first(decoding: Order.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw Problem.invalidField("order_id", "no order \(refund.orderExternalID) has been received yet") }
        struct Line: Decodable { var position: Int; var externalId: String? }
        let lines = try await sql.raw(
            "SELECT position, external_id FROM order_lines WHERE order_id = \(bind: order.id) ORDER BY position"
        ).all(decoding: Line.self, keyDecodingStrategy: .convertFromSnakeCase)
        let alreadyRefunded =
            try await sql.raw(
                "SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM refunds WHERE order_id = \(bind: order.id)"
            ).first(decodingColumn: "total", as: Int64.self) ?? 0
        let remaining = order.totalMinor - alreadyRefunded
        // No amount and no lines: a full refund of what remains.
        let amount =
            refund.amountMinor ?? (refund.lines.isEmpty ? remaining : refund.lines.reduce(0) { $0 + $1.amountMinor })
        let isRepeat =
            try await sql.raw(
                "SELECT id FROM refunds WHERE source = \(bind: refund.source.rawValue) AND external_id = \(bind: refund.externalID)"
            ).first() != nil
        guard isRepeat || amount <= remaining else {
            throw Problem.invalidField(
                "amount", "refunds \(amount) but only \(remaining) of order \(refund.orderExternalID) remains")
        }
        // Base amount in proportion to the order's base total when the refund names none (exact integer arithmetic).
        let baseAmount =
            refund.baseAmountMinor
            ?? (order.totalMinor == 0 ? 0 : amount * order.baseTotalMinor / order.totalMinor)
        let refundLines = refund.lines.compactMap { line -> RefundInput.Line? in
            let position =
                line.position ?? lines.first { $0.externalId != nil && $0.externalId == line.lineExternalID }?.position
            return position.map { .init(position: $0, quantity: Int(line.quantity), amountMinor: line.amountMinor) }
        }
        return try await OrderWriter(sql: sql).record(
            RefundInput(
                orderID: order.id, source: refund.source.rawValue, externalID: refund.externalID,
                createdAt: Instant(refund.createdAt), currency: refund.currency.code, amountMinor: amount,
                baseAmountMinor: baseAmount, reason: refund.reason, lines: refundLines))
    }

    func apply(_ checkout: IngestCheckout) async throws {
        let customerID = try await customerID(for: checkout.customer, email: checkout.email)
        try await sql.raw(
            """
            INSERT INTO checkouts (source, token, customer_id, email, currency, value_minor, recovery_url, created_at,
                updated_at, completed_at)
            VALUES (\(bind: checkout.source.rawValue), \(bind: checkout.token), \(bind: customerID),
                \(bind: checkout.email?.value), \(bind: checkout.currency.code), \(bind: checkout.valueMinor),
                \(bind: checkout.recoveryURL), \(bind: Instant(checkout.createdAt).milliseconds),
                \(bind: Instant(checkout.updatedAt).milliseconds), \(bind: checkout.completedAt.map { Instant($0).milliseconds }))
            ON CONFLICT (source, token) DO UPDATE SET customer_id = COALESCE(excluded.customer_id, checkouts.customer_id),
                email = COALESCE(excluded.email, checkouts.email), value_minor = excluded.value_minor,
                recovery_url = excluded.recovery_url, updated_at = excluded.updated_at,
                completed_at = COALESCE(excluded.completed_at, checkouts.completed_at)
            WHERE excluded.updated_at >= checkouts.updated_at
            """
        ).run()
    }

    /// A deleted or cancelled order stays for the books but counts as cancelled from now on.
    func cancelOrder(source: String, externalID: String) async throws {
        struct Row: Decodable { var id: Int64; var customerId: Int64? }
        guard
            let row = try await sql.raw(
                """
                UPDATE orders SET cancelled_at = COALESCE(cancelled_at, \(bind: Instant.now.milliseconds)),
                    updated_at = \(bind: Instant.now.milliseconds)
                WHERE source = \(bind: source) AND external_id = \(bind: externalID) RETURNING id, customer_id
                """
            ).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase), let customerID = row.customerId
        else { return }
        try await CustomerAggregates.refresh(customerIDs: [customerID], on: sql)
        try await LoyaltyOrderEarning(sql: sql).orderWritten(row.id)
    }

    /// A dated activity (a fulfilment, say) on the customer's timeline, once per message id.
    func record(event type: String, messageID: String, customerID: Int64?, properties: [String: String], at: Date)
        async throws
    {
        try await sql.raw(
            """
            INSERT INTO events (message_id, type, customer_id, properties, occurred_at, received_at, source)
            VALUES (\(bind: messageID), \(bind: type), \(bind: customerID), \(bind: JSONText.encode(properties)),
                \(bind: Instant(at).milliseconds), \(bind: Instant.now.milliseconds), 'shopify')
            ON CONFLICT (message_id) DO NOTHING
            """
        ).run()
    }

    /// customers/redact (and a deleted store customer): erases the customer's personal data; orders stay, without
    /// the email, for the books.
    func redact(identity: CustomerIdentity?, email: EmailAddress?) async throws {
        var ids: [Int64] = []
        if let identity,
            let id = try await sql.raw(
                """
                SELECT customer_id FROM customer_identities
                WHERE source = \(bind: identity.source.rawValue) AND external_id = \(bind: identity.externalID)
                """
            ).first(decodingColumn: "customer_id", as: Int64.self)
        {
            ids.append(id)
        }
        if let email,
            let id = try await sql.raw("SELECT id FROM customers WHERE email = \(bind: email.value)")
                .first(decodingColumn: "id", as: Int64.self)
        {
            ids.append(id)
        }
        for id in Set(ids) {
            try await sql.raw(
                """
                UPDATE customers SET email = NULL, phone = NULL, first_name = NULL, last_name = NULL, birth_month = NULL,
                    birth_day = NULL, birth_year = NULL, tags = '[]', search_text = '',
                    redacted_at = \(bind: Instant.now.milliseconds), updated_at = \(bind: Instant.now.milliseconds)
                WHERE id = \(bind: id)
                """
            ).run()
            try await sql.raw("DELETE FROM customer_identities WHERE customer_id = \(bind: id) AND source = 'email'")
                .run()
            try await sql.raw("UPDATE orders SET email = NULL WHERE customer_id = \(bind: id)").run()
            try await sql.raw("UPDATE checkouts SET email = NULL WHERE customer_id = \(bind: id)").run()
            try await sql.raw("UPDATE events SET properties = '{}' WHERE customer_id = \(bind: id)").run()
        }
    }
}
