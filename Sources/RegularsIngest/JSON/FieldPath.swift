/// A location inside a JSON document, rendered as `line_items[2].quantity`.
public struct FieldPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    public private(set) var description: String

    public init(_ description: String = "") {
        self.description = description
    }

    public static let root = FieldPath()

    public func appending(key: String) -> FieldPath {
        FieldPath(description.isEmpty ? key : description + "." + key)
    }

    public func appending(index: Int) -> FieldPath {
        FieldPath(description + "[\(index)]")
    }
}
