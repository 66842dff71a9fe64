import Foundation
import RegularsLoyalty
import SQLKit

/// Persists customers' points ledgers inside the caller's write transaction.
///
/// Writers are serialised per customer: the account row is locked (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's
/// `BEGIN IMMEDIATE` already holds the database's write lock) before the ledger is read, so the planner always plans
/// from the latest entries, and two instances can never both spend the same points. The unique indexes on
/// (customer, sequence) and (customer, operation key, part) are the second line of defence: a plan made from a
/// stale ledger, or a trigger recorded twice, fails to insert and the transaction rolls back.
struct LoyaltyLedgerStore: Sendable {
    let sql: any SQLDatabase

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Creates the customer's account when it does not exist yet (and the customer does) and locks it until the
    /// transaction ends.
    func lockAccount(_ customerID: Int64) async throws {
        try await sql.raw(
            """
            INSERT INTO loyalty_accounts (customer_id, referral_code, updated_at)
            SELECT id, \(bind: ReferralCode.make()), \(bind: Instant.now.milliseconds) FROM customers
            WHERE id = \(bind: customerID)
            ON CONFLICT (customer_id) DO NOTHING
            """
        ).run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                "SELECT customer_id FROM loyalty_accounts WHERE customer_id = \(bind: customerID) FOR UPDATE"
            )
            .run()
        }
    }

    /// Opens the customer's account (with its referral code) if it does not exist yet, outside any other work.
    static func ensureAccount(_ customerID: Int64, in database: Database) async throws {
        let exists = try await database.read { sql in
            try await sql.raw("SELECT customer_id FROM loyalty_accounts WHERE customer_id = \(bind: customerID)")
                .first()
        }
        guard exists == nil else { return }
        try await database.write { sql in try await LoyaltyLedgerStore(sql: sql).lockAccount(customerID) }
    }

    /// The customer's ledger as stored, every entry in sequence order.
    func ledger(_ customerID: Int64) async throws -> Ledger {
        try await Self.ledger(customerID, on: sql)
    }

    static func ledger(_ customerID: Int64, on sql: any SQLDatabase) async throws -> Ledger {
        let bodies = try await sql.raw(
            "SELECT body FROM loyalty_entries WHERE customer_id = \(bind: customerID) ORDER BY sequence"
        ).all(decodingColumn: "body", as: String.self)
        let decoder = JSONDecoder()
        return Ledger(entries: try bodies.map { try decoder.decode(LedgerEntry.self, from: Data($0.utf8)) })
    }

    /// Appends `entries` (planned from the ledger this transaction locked) and brings the account's derived totals
    /// up to `ledger`, the ledger with them applied; `nextMaintenanceAt` is when the maintenance job must next look
    /// at the account (an unlock, an expiry or a tier review).
    func append(
        _ entries: [LedgerEntry], customerID: Int64, resulting ledger: Ledger, nextMaintenanceAt: Date?,
        snapshot: LoyaltyAccountSnapshot
    ) async throws {
        for entry in entries {
            let body = String(decoding: try Self.encoder.encode(entry), as: UTF8.self)
            try await sql.raw(
                """
                INSERT INTO loyalty_entries (customer_id, sequence, operation_key, part, kind, status, points,
                    created_at, expires_at, order_id, body)
                VALUES (\(bind: customerID), \(bind: entry.sequence), \(bind: entry.key.value), \(bind: entry.part),
                    \(bind: entry.kind.rawValue), \(bind: entry.status.rawValue), \(bind: entry.points),
                    \(bind: Instant(entry.createdAt).milliseconds), \(bind: entry.expiresAt.map { Instant($0).milliseconds }),
                    \(bind: entry.orderID), \(bind: body))
                """
            ).run()
        }
        let earned = TierActivity.pointsEarned(in: ledger).reduce(Int64(0)) { $0 + $1.amount }
        try await sql.raw(
            """
            UPDATE loyalty_accounts SET balance = \(bind: ledger.balance), pending = \(bind: ledger.pendingPoints),
                debt = \(bind: ledger.debt), earned = \(bind: earned), entry_count = \(bind: Int64(ledger.entries.count)),
                next_maintenance_at = \(bind: nextMaintenanceAt.map { Instant($0).milliseconds }),
                summary = \(bind: snapshot.json), updated_at = \(bind: Instant.now.milliseconds)
            WHERE customer_id = \(bind: customerID)
            """
        ).run()
    }
}
