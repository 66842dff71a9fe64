import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Vapor

/// The points liability: spendable points by the month they expire, never-expiring and pending points, each valued
/// at the redemption value in the base currency.
struct LoyaltyLiabilityView: Content, Equatable {
    var asOf: String
    var accounts: Int
    var outstanding: Bucket
    var pending: Bucket
    var neverExpiring: Bucket
    var byExpiryMonth: [Bucket]

    struct Bucket: Content, Equatable {
        /// `YYYY-MM`, for the monthly buckets.
        var month: String?
        var points: Int64
        var value: MoneyDTO
    }

    /// Accounts holding points, read in batches so memory stays bounded whatever the store's size.
    static let batchSize = 500

    static func compute(settings: LoyaltySettings, database: Database, at now: Date) async throws
        -> LoyaltyLiabilityView
    {
        let program = settings.program
        let currency = program.earning.currency
        let zone = program.ledger.timeZone.timeZone
        var months: [YearMonth: Int64] = [:]
        var never: Int64 = 0
        var pending: Int64 = 0
        var accounts = 0
        var after: Int64 = 0
        while true {
            let ids = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT customer_id FROM loyalty_accounts
                    WHERE customer_id > \(bind: after) AND (balance <> 0 OR pending <> 0)
                    ORDER BY customer_id LIMIT \(unsafeRaw: "\(batchSize)")
                    """
                ).all(decodingColumn: "customer_id", as: Int64.self)
            }
            guard let last = ids.last else { break }
            after = last
            accounts += ids.count
            let ledgers = try await database.read { sql in
                var ledgers: [Ledger] = []
                for id in ids { ledgers.append(try await LoyaltyLedgerStore.ledger(id, on: sql)) }
                return ledgers
            }
            let batch = PointsLiability(
                ledgers: ledgers, value: program.redemptionValue, currency: currency, timeZone: zone, at: now)
            for bucket in batch.byExpiryMonth {
                if let month = bucket.month { months[month, default: 0] += bucket.points }
            }
            never += batch.neverExpiring.points
            pending += batch.pending.points
        }
        func bucket(_ month: YearMonth?, _ points: Int64) -> Bucket {
            Bucket(
                month: month?.description, points: points,
                value: MoneyDTO(minorUnits: program.redemptionValue.value(ofPoints: points), currency: currency.code))
        }
        return LoyaltyLiabilityView(
            asOf: Instant(now).iso8601, accounts: accounts,
            outstanding: bucket(nil, months.values.reduce(never, +)), pending: bucket(nil, pending),
            neverExpiring: bucket(nil, never), byExpiryMonth: months.keys.sorted().map { bucket($0, months[$0] ?? 0) })
    }
}
