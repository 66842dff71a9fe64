import Foundation
import RegularsCore
import Vapor

/// `POST /api/loyalty/rewards`: a new catalogue entry. Amounts are minor units of the store's base currency.
struct LoyaltyRewardInput: Content {
    var name: String
    var kind: String
    var pointsCost: Int64
    var valueMinor: Int64?
    var percentBasisPoints: Int?
    var productId: String?
    var minimumOrderMinor: Int64?
    var tierIds: [String]?
    var stock: Int64?
    var startsAt: Date?
    var endsAt: Date?

    /// Checks every field, naming the first one at fault.
    func validated() throws -> LoyaltyRewardInput {
        var input = self
        input.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(input.name.count) else {
            throw Problem.invalidField("name", "must be 1 to 100 characters")
        }
        guard LoyaltyReward.kinds.contains(kind) else {
            throw Problem.invalidField("kind", "must be one of \(LoyaltyReward.kinds.joined(separator: ", "))")
        }
        guard pointsCost > 0, pointsCost <= 100_000_000 else {
            throw Problem.invalidField("points_cost", "must be a whole number from 1 to 100000000")
        }
        switch kind {
        case "amount_off":
            guard let value = valueMinor, value > 0 else {
                throw Problem.invalidField("value_minor", "an amount_off reward needs a positive amount in minor units")
            }
        case "percent_off":
            guard let percent = percentBasisPoints, (1...10_000).contains(percent) else {
                throw Problem.invalidField("percent_basis_points", "must be 1 to 10000 (0.01% to 100%)")
            }
        case "free_product":
            guard let product = productId, !product.isEmpty else {
                throw Problem.invalidField("product_id", "a free_product reward names the product")
            }
        default:
            break
        }
        if let minimum = minimumOrderMinor, minimum < 0 {
            throw Problem.invalidField("minimum_order_minor", "cannot be negative")
        }
        if let stock, stock < 0 { throw Problem.invalidField("stock", "cannot be negative") }
        if let startsAt, let endsAt, endsAt <= startsAt {
            throw Problem.invalidField("ends_at", "must be after starts_at")
        }
        return input
    }
}
