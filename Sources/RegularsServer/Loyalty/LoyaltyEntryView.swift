import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Vapor

/// One ledger entry as the API and the shopper's history show it.
struct LoyaltyEntryView: Content, Equatable {
    var sequence: Int64
    var kind: String
    var status: String
    var points: Int64
    var createdAt: String
    var unlocksAt: String?
    var expiresAt: String?
    var orderId: String?
    var actor: String?
    var reason: String?
    /// What happened, in words for the shopper.
    var description: String

    init(_ entry: LedgerEntry, history: LoyaltyHistoryText) {
        sequence = entry.sequence
        kind = entry.kind.rawValue
        status = entry.status.rawValue
        points = entry.points
        createdAt = Instant(entry.createdAt).iso8601
        unlocksAt = entry.unlocksAt.map { Instant($0).iso8601 }
        expiresAt = entry.expiresAt.map { Instant($0).iso8601 }
        orderId = entry.orderID
        actor = entry.actor
        reason = entry.reason
        description = history.text(for: entry)
    }
}

extension LoyaltyEntryView {
    /// The customer's ledger, newest first, described in `locale`.
    static func history(
        customerID: Int64, locale: SupportedLocale, timeZone: TimeZone, on sql: any SQLDatabase
    ) async throws -> [LoyaltyEntryView] {
        let ledger = try await LoyaltyLedgerStore.ledger(customerID, on: sql)
        struct Number: Decodable { var id: Int64; var number: String? }
        let numbers = try await sql.raw(
            """
            SELECT DISTINCT o.id, o.number FROM orders o
            JOIN loyalty_entries e ON e.order_id = CAST(o.id AS TEXT)
            WHERE e.customer_id = \(bind: customerID)
            """
        ).all(decoding: Number.self)
        let history = LoyaltyHistoryText(
            locale: locale, timeZone: timeZone,
            orderNumbers: Dictionary(numbers.map { ("\($0.id)", $0.number ?? "\($0.id)") }) { first, _ in first })
        return ledger.entries.reversed().map { LoyaltyEntryView($0, history: history) }
    }
}
