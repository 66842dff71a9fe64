/// The customer profile page, every value already formatted and translated.
struct CustomerProfileView: Encodable {
    var id: Int64
    var name: String
    var email: String
    var phone: String
    var birthday: String
    var timeZone: String
    var language: String
    var tags: String
    var customerSince: String
    var identities: [LabelledValue]
    var consent: [LabelledValue]
    var aggregates: [LabelledValue]
    var prediction: [LabelledValue]
    var predictionReason: String
    var orders: [Order]
    var timeline: [TimelineItem]

    struct Order: Encodable {
        var number: String
        var placedAt: String
        var total: String
        var payment: String
        var fulfillment: String
        var lines: [Line]
        var refunds: [Refund]
    }

    struct Line: Encodable {
        var title: String
        var quantity: Int
        var unitPrice: String
        var total: String
    }

    struct Refund: Encodable {
        var createdAt: String
        var amount: String
        var reason: String
    }

    struct TimelineItem: Encodable {
        var at: String
        var kind: String
        var title: String
        var detail: String
    }
}
