import RegularsCore
import Vapor

/// Everything known about one customer: identities, consent, aggregates, orders and one timeline.
struct CustomerProfile: Content {
    var customer: CustomerSummary
    var birthday: String?
    var timeZone: String?
    var tags: [String]
    var identities: [Identity]
    var consent: [Consent]
    var consentHistory: [Consent]
    var aggregates: Aggregates
    /// The latest analytics scores; absent until the first refresh.
    var scores: CustomerScores?
    var orders: [OrderDetail]
    var timeline: [TimelineEntry]

    struct Identity: Content {
        var source: String
        var externalId: String
        var linkedAt: String
    }

    struct Consent: Content {
        var channel: String
        var granted: Bool
        var at: String
        var source: String
    }

    struct Aggregates: Content {
        var orderCount: Int
        var firstOrderAt: String?
        var lastOrderAt: String?
        var netRevenue: MoneyDTO
        var refunded: MoneyDTO
    }

    /// One dated fact on the customer's timeline; `kind` is order, refund, consent, event or tier (a VIP tier change).
    struct TimelineEntry: Content {
        var at: String
        var kind: String
        var title: String
        var detail: String?
    }
}

extension CustomerProfile {
    static func load(_ id: Int64, services: RegularsServices) async throws -> CustomerProfile? {
        guard let row = try await services.customers.find(id), row.redactedAt == nil else { return nil }
        async let identities = services.customers.identities(of: id)
        async let history = services.customers.consentHistory(of: id)
        async let events = services.customers.events(of: id)
        async let orders = services.orders.details(customerID: id)
        async let loadedScores = CustomerScores.load(
            customerID: id, database: services.database, currency: services.configuration.store.baseCurrency.code)
        let base = services.configuration.store.baseCurrency
        let consentHistory = try await history.map { row in
            Consent(
                channel: row.channel, granted: row.granted == 1, at: Instant(milliseconds: row.occurredAt).iso8601,
                source: row.source)
        }
        var current: [String: Consent] = [:]
        for entry in consentHistory { current[entry.channel] = entry }
        let orderList = try await orders
        // Instants are formatted alike (UTC, milliseconds), so their text sorts in time order.
        var timeline: [TimelineEntry] = []
        for order in orderList {
            let title = order.number ?? order.externalId
            timeline.append(
                TimelineEntry(at: order.placedAt, kind: "order", title: title, detail: order.total.displayText))
            for refund in order.refunds {
                timeline.append(
                    TimelineEntry(at: refund.createdAt, kind: "refund", title: title, detail: refund.amount.displayText)
                )
            }
        }
        for event in try await events {
            let at = Instant(milliseconds: event.occurredAt).iso8601
            timeline.append(
                TimelineEntry(
                    at: at, kind: "event", title: event.type,
                    detail: EventSummary.describe(properties: event.properties)))
        }
        for entry in consentHistory {
            timeline.append(
                TimelineEntry(
                    at: entry.at, kind: "consent", title: entry.channel, detail: entry.granted ? "granted" : "withdrawn"
                ))
        }
        let tiers = try await services.loyaltySettings().program.tiers
        let tierName = { (id: String) in tiers?.tier(id: id)?.name ?? id }
        for change in try await LoyaltyTierChange.list(customerID: id, on: services.database) {
            timeline.append(
                TimelineEntry(
                    at: Instant(milliseconds: change.changedAt).iso8601, kind: "tier",
                    title: "\(tierName(change.fromTier)) → \(tierName(change.toTier))"))
        }
        let birthday = row.birthMonth.flatMap { month in
            row.birthDay.flatMap { Birthday(month: month, day: $0, year: row.birthYear)?.isoString }
        }
        return CustomerProfile(
            customer: CustomerSummary(row, baseCurrency: base), birthday: birthday, timeZone: row.timeZone,
            tags: JSONText.decode([String].self, from: row.tags) ?? [],
            identities: try await identities.map {
                Identity(
                    source: $0.source, externalId: $0.externalId, linkedAt: Instant(milliseconds: $0.createdAt).iso8601)
            },
            consent: ConsentChannel.allCases.compactMap { current[$0.rawValue] },
            consentHistory: consentHistory,
            aggregates: Aggregates(
                orderCount: row.orderCount, firstOrderAt: row.firstOrderAt.map { Instant(milliseconds: $0).iso8601 },
                lastOrderAt: row.lastOrderAt.map { Instant(milliseconds: $0).iso8601 },
                netRevenue: MoneyDTO(minorUnits: row.netRevenueMinor, currency: base.code),
                refunded: MoneyDTO(minorUnits: row.refundedMinor, currency: base.code)),
            scores: try await loadedScores.map { loaded in
                var scores = loaded
                scores.reason = CustomerScores.reason(
                    locale: .en, orders: row.orderCount,
                    lastOrderAt: row.lastOrderAt, pAlive: loaded.pAlive, expectedOrders: loaded.expectedOrders90d)
                return scores
            },
            orders: orderList,
            timeline: timeline.sorted { $0.at > $1.at })
    }
}
