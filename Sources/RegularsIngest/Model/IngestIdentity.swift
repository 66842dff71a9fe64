import RegularsCore

/// One identifier of a customer in one system: a Shopify customer id, a Segment `userId`, a normalised email…
public struct IngestIdentity: Sendable, Equatable, Hashable, Codable {
    public var source: IdentitySource
    public var value: String

    public init(_ source: IdentitySource, _ value: String) {
        self.source = source
        self.value = value
    }
}
