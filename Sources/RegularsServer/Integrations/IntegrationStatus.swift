import Vapor

/// One source's state on the Integrations page and in `GET /api/integrations`.
struct IntegrationStatus: Content {
    var source: String
    /// `not_configured` (no secret or write key), `awaiting_first_event`, or `receiving`.
    var status: String
    /// Webhooks: `environment`, `stored` or `none`; absent for Segment.
    var secret: String?
    var endpoints: [String]
    var lastEventReceivedAt: String?
    /// Webhook deliveries (Segment: events) received since midnight in the store's time zone.
    var deliveriesToday: Int
    var rejectionsToday: Int
    var recentRejections: [IntegrationRejection]
    /// Segment only: its write keys (ingest-scope API keys), by prefix.
    var writeKeys: [IntegrationWriteKey]?
}
