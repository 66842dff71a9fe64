import RegularsCore
import Vapor

/// A customer as listed: who they are and what they are worth so far.
struct CustomerSummary: Content {
    var id: Int64
    var name: String
    var firstName: String?
    var lastName: String?
    var email: String?
    var phone: String?
    var locale: String?
    var orderCount: Int
    var netRevenue: MoneyDTO
    var lastOrderAt: String?
    var createdAt: String

    init(_ row: CustomerRow, baseCurrency: CurrencyCode) {
        id = row.id
        name = PersonName.display(first: row.firstName, last: row.lastName)
        firstName = row.firstName
        lastName = row.lastName
        email = row.email
        phone = row.phone
        locale = row.locale
        orderCount = row.orderCount
        netRevenue = MoneyDTO(minorUnits: row.netRevenueMinor, currency: baseCurrency.code)
        lastOrderAt = row.lastOrderAt.map { Instant(milliseconds: $0).iso8601 }
        createdAt = Instant(milliseconds: row.createdAt).iso8601
    }
}
