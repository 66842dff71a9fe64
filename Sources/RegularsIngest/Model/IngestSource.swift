/// The system a piece of ingested data came from.
public enum IngestSource: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case shopify
    case woocommerce
    /// Segment or RudderStack tracking calls (same wire format).
    case segment
    /// A CSV import (Shopify orders export or the generic format).
    case csv
}
