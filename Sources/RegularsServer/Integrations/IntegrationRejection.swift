import Vapor

/// A delivery or message that was refused, and why: a refused payload (from `ingest_rejections`), or a refused
/// signature or write key counted per reason (`ingest_rejection_counts`: `count` times since `firstReceivedAt`,
/// the latest at `receivedAt`).
struct IntegrationRejection: Content {
    var receivedAt: String
    var topic: String
    var status: Int
    var field: String?
    var reason: String
    var deliveryId: String?
    var count: Int? = nil
    var firstReceivedAt: String? = nil
}
