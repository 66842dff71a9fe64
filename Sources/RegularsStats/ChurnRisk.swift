/// A plain-language band for a customer's probability of still being active (P(alive)):
/// low risk at 0.7 or more, medium from 0.3, high below 0.3.
public enum ChurnRisk: String, Sendable, Hashable, Codable, CaseIterable {
    case low
    case medium
    case high

    public init(probabilityAlive: Double) {
        switch probabilityAlive {
        case 0.7...: self = .low
        case 0.3..<0.7: self = .medium
        default: self = .high
        }
    }
}
