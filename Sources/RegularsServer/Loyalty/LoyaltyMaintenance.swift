import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Vapor

/// The ledger's clock: releases pending points whose return window closed, expires what is left of lots past their
/// date, runs due tier reviews, and gives birthday rewards on the shopper's local birthday. Every step is keyed, so
/// running it late, twice, or on several instances at once appends each entry once.
struct LoyaltyMaintenance: Sendable {
    let database: Database
    let store: StoreSettings

    /// Accounts are handled in batches of this many, one transaction each.
    static let batchSize = 200

    struct Report: Sendable, Equatable {
        var accounts = 0
        var birthdays = 0
        var unconfirmedRedemptions = 0
    }

    /// A redemption still `held` this long after it was made lost its confirmation (the process stopped between
    /// taking the points and hearing from the store): its points and stock are given back.
    static let confirmationTimeout: TimeInterval = 15 * 60

    func run(at now: Date) async throws -> Report {
        let settings = try await database.read { sql in try await LoyaltySettings.load(on: sql, store: store) }
        guard settings.enabled else { return Report() }
        var report = Report()
        let due = try await database.read { sql in
            try await sql.raw(
                """
                SELECT customer_id FROM loyalty_accounts
                WHERE next_maintenance_at IS NOT NULL AND next_maintenance_at <= \(bind: Instant(now).milliseconds)
                ORDER BY customer_id
                """
            ).all(decodingColumn: "customer_id", as: Int64.self)
        }
        for batch in stride(from: 0, to: due.count, by: Self.batchSize) {
            let ids = due[batch..<min(due.count, batch + Self.batchSize)]
            try await database.write { sql in
                let writer = LoyaltyAccountWriter(sql: sql, settings: settings)
                for id in ids { try await writer.maintain(customerID: id, at: now) }
            }
            report.accounts += ids.count
        }
        report.birthdays = try await rewardBirthdays(settings: settings, at: now)
        report.unconfirmedRedemptions = try await releaseUnconfirmed(settings: settings, at: now)
        return report
    }

    private func releaseUnconfirmed(settings: LoyaltySettings, at now: Date) async throws -> Int {
        let cutoff = Instant(now.addingTimeInterval(-Self.confirmationTimeout)).milliseconds
        let stale = try await database.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: LoyaltyRedemption.columns) FROM loyalty_redemptions r
                JOIN loyalty_rewards w ON w.id = r.reward_id
                WHERE r.status = 'held' AND r.created_at < \(bind: cutoff) ORDER BY r.id
                """
            ).all(decoding: LoyaltyRedemption.Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        let redemptions = LoyaltyRedemptions(database: database, settings: settings, delivery: nil)
        for held in stale {
            try await database.write { sql in
                try await redemptions.giveBack(
                    held, reason: "the store never confirmed the code; the points were returned", on: sql)
            }
        }
        return stale.count
    }

    /// Customers whose birthday is today somewhere (yesterday to tomorrow in UTC covers every time zone), rewarded
    /// when it is their celebration day in their own time zone (the store's when they have none).
    private func rewardBirthdays(settings: LoyaltySettings, at now: Date) async throws -> Int {
        guard settings.program.earning.rule(for: .birthday) != nil else { return 0 }
        struct Row: Decodable { var id: Int64; var birthMonth: Int; var birthDay: Int; var timeZone: String? }
        let utcToday = LocalDate(now, in: .gmt)
        let days = [-1, 0, 1].map { utcToday.adding(days: $0) }
        var candidates: [Row] = []
        for day in days {
            // Feb 29 birthdays are celebrated on Feb 28 in common years.
            let extra = day.month == 2 && day.day == 28 ? " OR (birth_month = 2 AND birth_day = 29)" : ""
            let rows = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT id, birth_month, birth_day, time_zone FROM customers
                    WHERE redacted_at IS NULL AND ((birth_month = \(bind: day.month) AND birth_day = \(bind: day.day))\(unsafeRaw: extra))
                    """
                ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            candidates += rows
        }
        var rewarded = 0
        var seen: Set<Int64> = []
        for row in candidates where seen.insert(row.id).inserted {
            guard let birthday = Birthday(month: row.birthMonth, day: row.birthDay) else { continue }
            let zone = row.timeZone.flatMap(TimeZone.init(identifier:)) ?? store.timeZone
            guard BirthdayReward.isCelebrated(birthday, at: now, in: zone) else { continue }
            let posted = try await database.write { sql in
                try await LoyaltyAccountWriter(sql: sql, settings: settings).post(customerID: row.id, at: now) {
                    try $0.planAction(
                        .birthday(birthday, customerTimeZone: zone, at: now), rules: settings.program.earning,
                        policy: settings.program.ledger)
                }
            }
            if !posted.plan.isReplay { rewarded += 1 }
        }
        return rewarded
    }
}
