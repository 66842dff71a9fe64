import Foundation

/// The WooCommerce webhook topics this module maps (the `X-WC-Webhook-Topic` header).
public enum WooCommerceTopic: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case orderCreated = "order.created"
    case orderUpdated = "order.updated"
    case orderDeleted = "order.deleted"
    case orderRestored = "order.restored"
    case customerCreated = "customer.created"
    case customerUpdated = "customer.updated"
    case customerDeleted = "customer.deleted"

    public init?(header: String) {
        self.init(rawValue: header.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
