/// Whether an order's items have shipped.
public enum IngestFulfillmentStatus: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case unfulfilled
    case partial
    case fulfilled
    case restocked
}
