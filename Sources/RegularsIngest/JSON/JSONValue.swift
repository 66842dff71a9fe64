/// A parsed JSON document that keeps every number as the exact text it was written with, so money such as
/// `25.99` and 64-bit ids such as `820982911946154508` never pass through `Double`.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text as it appeared in the document (`-12.50`, `1e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members by key; when a key repeats, the last occurrence wins (as in JavaScript).
    case object([String: JSONValue])

    /// The member named `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    public var isNull: Bool { self == .null }
}
