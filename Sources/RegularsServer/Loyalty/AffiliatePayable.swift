import SQLKit
import Vapor

/// An affiliate's commission account as the payables report shows it.
struct AffiliatePayable: Content, Equatable {
    var advocateId: Int64
    var accrued: MoneyDTO
    var paid: MoneyDTO
    var payable: MoneyDTO

    static func list(currency: String, on sql: any SQLDatabase) async throws -> [AffiliatePayable] {
        struct Row: Decodable { var advocateId: Int64; var accrued: Int64; var paid: Int64 }
        return try await sql.raw(
            """
            SELECT advocate_id,
                CAST(SUM(CASE WHEN kind = 'accrual' THEN amount_minor ELSE 0 END) AS BIGINT) AS accrued,
                CAST(-SUM(CASE WHEN kind = 'payout' THEN amount_minor ELSE 0 END) AS BIGINT) AS paid
            FROM affiliate_entries GROUP BY advocate_id ORDER BY advocate_id
            """
        ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map {
            AffiliatePayable(
                advocateId: $0.advocateId, accrued: MoneyDTO(minorUnits: $0.accrued, currency: currency),
                paid: MoneyDTO(minorUnits: $0.paid, currency: currency),
                payable: MoneyDTO(minorUnits: $0.accrued - $0.paid, currency: currency))
        }
    }
}
