import Foundation
import RegularsCore

/// A marketing-consent decision reported by a source: granted or withdrawn on one channel at one instant.
/// The server applies the latest `at` per channel.
public struct IngestConsent: Sendable, Equatable, Hashable, Codable {
    public var channel: ConsentChannel
    public var granted: Bool
    /// When the customer made the decision (the source's `consent_updated_at`), or when the source reported it.
    public var at: Date
    public var source: IngestSource
    /// The source's own state word, kept for audit (`subscribed`, `unsubscribed`, `not_subscribed`…).
    public var sourceState: String?
    /// Opt-in level (`single_opt_in`, `confirmed_opt_in`), when reported.
    public var optInLevel: String?
    /// Where the consent was collected (`SHOPIFY`, `OTHER`…), when reported.
    public var collectedFrom: String?

    public init(
        channel: ConsentChannel, granted: Bool, at: Date, source: IngestSource, sourceState: String? = nil,
        optInLevel: String? = nil, collectedFrom: String? = nil
    ) {
        self.channel = channel
        self.granted = granted
        self.at = at
        self.source = source
        self.sourceState = sourceState
        self.optInLevel = optInLevel
        self.collectedFrom = collectedFrom
    }
}
