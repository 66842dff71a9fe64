import Vapor

/// A webhook endpoint's answer: `processed`, `duplicate`, `ignored` (a topic Regulars does not use) or `ping`.
struct WebhookReceipt: Content {
    var status: String
    var topic: String
}
