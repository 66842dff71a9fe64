import Vapor

/// The filters of `GET /api/customers` and the Customers page.
struct CustomerQuery: Content, Sendable {
    /// Matches name (any script), email or phone, case-insensitively.
    var q: String?
    var locale: String?
    var minOrders: Int?
    var maxOrders: Int?
    var tag: String?
    /// An RFM segment name from the latest analytics refresh, e.g. "At risk".
    var segment: String?
    var limit: Int?
    var cursor: String?

    static let maximumLimit = 200

    func validatedLimit() throws(Problem) -> Int {
        guard let limit else { return 50 }
        guard (1...Self.maximumLimit).contains(limit) else {
            throw Problem.invalidField("limit", "must be from 1 to \(Self.maximumLimit)")
        }
        return limit
    }
}
