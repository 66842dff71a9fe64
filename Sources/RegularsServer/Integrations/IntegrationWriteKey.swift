import Vapor

/// A Segment write key (an ingest-scope API key) as listed: the key itself is shown only when created.
struct IntegrationWriteKey: Content {
    var prefix: String
    var name: String
    var createdAt: String
    var lastUsedAt: String?
    var revokedAt: String?
}
