import Foundation

/// A checkout that was abandoned; when later completed, `completedAt` and `orderIndex` are set and
/// `completedAt` equals that order's `placedAt`.
public struct DemoCheckout: Sendable, Equatable {
    /// Unique 32-character lowercase hex token.
    public var token: String
    public var customerIndex: Int
    public var createdAt: Date
    public var valueMinor: Int64
    public var completedAt: Date?
    /// The order this checkout turned into, if it was completed.
    public var orderIndex: Int?
    public var recoveryURL: String

    public init(
        token: String, customerIndex: Int, createdAt: Date, valueMinor: Int64, completedAt: Date?, orderIndex: Int?,
        recoveryURL: String
    ) {
        self.token = token
        self.customerIndex = customerIndex
        self.createdAt = createdAt
        self.valueMinor = valueMinor
        self.completedAt = completedAt
        self.orderIndex = orderIndex
        self.recoveryURL = recoveryURL
    }
}
