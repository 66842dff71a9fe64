import Foundation

/// A browsing event named after the Segment e-commerce spec.
public struct DemoEvent: Sendable, Equatable {
    /// Unique UUID-formatted lowercase message id.
    public var messageID: String
    /// "Product Viewed", "Product Added", "Cart Viewed" or "Products Searched".
    public var type: String
    public var customerIndex: Int
    public var occurredAt: Date
    /// Product events carry "product_id", "sku", "name", "variant", "price" (decimal string such as "24.99"),
    /// "category" and "currency"; "Product Added" adds "quantity" and "cart_id"; "Cart Viewed" carries "cart_id",
    /// "value" and "currency"; "Products Searched" carries "query".
    public var properties: [String: String]

    public init(messageID: String, type: String, customerIndex: Int, occurredAt: Date, properties: [String: String]) {
        self.messageID = messageID
        self.type = type
        self.customerIndex = customerIndex
        self.occurredAt = occurredAt
        self.properties = properties
    }
}
