/// A CSV row (or the order it belongs to) that could not be imported.
public struct CSVRejection: Error, Sendable, Equatable, Hashable, Codable {
    /// The 1-based physical line of the offending row.
    public var line: Int
    /// The column at fault, when one is.
    public var column: String?
    public var reason: String
    /// The order the row belongs to (`Name` in Shopify exports, the order id in the generic format), when known.
    public var orderReference: String?

    public init(line: Int, column: String? = nil, reason: String, orderReference: String? = nil) {
        self.line = line
        self.column = column
        self.reason = reason
        self.orderReference = orderReference
    }
}
