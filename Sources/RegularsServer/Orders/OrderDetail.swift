import Vapor

/// An order with its lines and refunds, as the API and the profile page show it.
struct OrderDetail: Content {
    var id: Int64
    var source: String
    var externalId: String
    var number: String?
    var customerId: Int64?
    var email: String?
    var placedAt: String
    var subtotal: MoneyDTO
    var discount: MoneyDTO
    var shipping: MoneyDTO
    var tax: MoneyDTO
    var total: MoneyDTO
    var baseTotal: MoneyDTO
    var refunded: MoneyDTO
    var financialStatus: String
    var fulfillmentStatus: String
    var cancelledAt: String?
    var discountCodes: [String]
    var landingSite: String?
    var referringSite: String?
    var lines: [Line]
    var refunds: [Refund]

    struct Line: Content {
        var id: Int64
        var position: Int
        var productId: Int64?
        var variantId: Int64?
        var sku: String?
        var title: String
        var quantity: Int
        var unitPrice: MoneyDTO
        var discount: MoneyDTO
        var total: MoneyDTO
    }

    struct Refund: Content {
        var id: Int64
        var externalId: String
        var createdAt: String
        var amount: MoneyDTO
        var reason: String?
        var lines: [RefundLine]
    }

    struct RefundLine: Content {
        var orderLineId: Int64
        var quantity: Int
        var amount: MoneyDTO
    }
}
