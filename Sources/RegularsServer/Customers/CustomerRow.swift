import Foundation

/// A `customers` row as stored, aggregates included.
struct CustomerRow: Decodable, Sendable {
    var id: Int64
    var email: String?
    var phone: String?
    var firstName: String?
    var lastName: String?
    var birthMonth: Int?
    var birthDay: Int?
    var birthYear: Int?
    var locale: String?
    var timeZone: String?
    var tags: String
    var createdAt: Int64
    var updatedAt: Int64
    var redactedAt: Int64?
    var orderCount: Int
    var firstOrderAt: Int64?
    var lastOrderAt: Int64?
    var netRevenueMinor: Int64
    var refundedMinor: Int64

    static let columns = """
        id, email, phone, first_name, last_name, birth_month, birth_day, birth_year, locale, time_zone, tags, \
        created_at, updated_at, redacted_at, order_count, first_order_at, last_order_at, net_revenue_minor, refunded_minor
        """
}
