/// A validation failure naming the offending field, so the server can answer with a problem+json body
/// (`field` as a JSON path such as `line_items[2].quantity`, `reason` as the human-readable detail).
public struct IngestError: Error, Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var kind: IngestErrorKind
    /// The JSON path of the field (`""` for the body as a whole), or a CSV column name.
    public var field: String
    /// What is wrong, in words a merchant's developer can act on.
    public var reason: String

    public init(_ kind: IngestErrorKind, field: String, reason: String) {
        self.kind = kind
        self.field = field
        self.reason = reason
    }

    /// The HTTP status to answer with; see ``IngestErrorKind/httpStatus``.
    public var httpStatus: Int { kind.httpStatus }

    public var description: String {
        field.isEmpty ? "\(kind.rawValue): \(reason)" : "\(kind.rawValue) at \(field): \(reason)"
    }

    /// The same error with its field path placed under `prefix` (`batch[3]` + `properties.total`).
    public func nested(under prefix: String) -> IngestError {
        guard !prefix.isEmpty else { return self }
        let joined: String
        if field.isEmpty {
            joined = prefix
        } else if field.hasPrefix("[") {
            joined = prefix + field
        } else {
            joined = prefix + "." + field
        }
        return IngestError(kind, field: joined, reason: reason)
    }
}
