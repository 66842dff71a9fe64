import Vapor

/// A delivery or message that was refused, and why (from `ingest_rejections`).
struct IntegrationRejection: Content {
    var receivedAt: String
    var topic: String
    var status: Int
    var field: String?
    var reason: String
    var deliveryId: String?
}
