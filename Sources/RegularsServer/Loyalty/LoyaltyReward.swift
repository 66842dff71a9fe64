import Foundation
import RegularsCore
import Vapor

/// An entry of the rewards catalogue, as stored and as the API shows it.
struct LoyaltyReward: Content, Equatable {
    var id: Int64
    var name: String
    /// `amount_off`, `percent_off`, `free_shipping` or `free_product`.
    var kind: String
    var pointsCost: Int64
    /// amount_off: the amount off, in the base currency.
    var value: MoneyDTO?
    /// percent_off: the percentage off, in basis points (1000 = 10%).
    var percentBasisPoints: Int?
    /// free_product: the store's product id.
    var productId: String?
    var minimumOrder: MoneyDTO?
    /// Only customers in these tiers may redeem it; empty: everyone.
    var tierIds: [String]
    /// How many can be issued in all; `nil`: unlimited.
    var stock: Int64?
    var issued: Int64
    var startsAt: String?
    var endsAt: String?
    var active: Bool

    static let kinds = ["amount_off", "percent_off", "free_shipping", "free_product"]

    static let columns = """
        id, name, kind, points_cost, value_minor, currency, percent_basis_points, product_id, minimum_order_minor, \
        tier_ids, stock, issued, starts_at, ends_at, active
        """

    struct Row: Decodable {
        var id: Int64
        var name: String
        var kind: String
        var pointsCost: Int64
        var valueMinor: Int64?
        var currency: String?
        var percentBasisPoints: Int?
        var productId: String?
        var minimumOrderMinor: Int64?
        var tierIds: String
        var stock: Int64?
        var issued: Int64
        var startsAt: Int64?
        var endsAt: Int64?
        var active: Bool
    }

    init(_ row: Row, currency: CurrencyCode) {
        let code = row.currency ?? currency.code
        id = row.id
        name = row.name
        kind = row.kind
        pointsCost = row.pointsCost
        value = row.valueMinor.map { MoneyDTO(minorUnits: $0, currency: code) }
        percentBasisPoints = row.percentBasisPoints
        productId = row.productId
        minimumOrder = row.minimumOrderMinor.map { MoneyDTO(minorUnits: $0, currency: code) }
        tierIds = JSONText.decode([String].self, from: row.tierIds) ?? []
        stock = row.stock
        issued = row.issued
        startsAt = row.startsAt.map { Instant(milliseconds: $0).iso8601 }
        endsAt = row.endsAt.map { Instant(milliseconds: $0).iso8601 }
        active = row.active
    }

    /// Why the reward cannot be redeemed now by a customer in `tierID`, or `nil` when it can.
    func unavailability(at now: Instant, tierID: String?) -> String? {
        if !active { return "the reward is no longer offered" }
        if let startsAt, let start = Instant(isoText: startsAt), now < start { return "the reward is not offered yet" }
        if let endsAt, let end = Instant(isoText: endsAt), end <= now { return "the reward is no longer offered" }
        if let stock, issued >= stock { return "the reward is out of stock" }
        if !tierIds.isEmpty, !tierIds.contains(tierID ?? "") { return "the reward is for other tiers" }
        return nil
    }
}
