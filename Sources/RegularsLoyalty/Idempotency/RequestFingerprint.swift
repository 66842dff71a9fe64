/// A canonical description of an API request, compared when a client retries with the same `Idempotency-Key`:
/// the same key with the same fingerprint replays the first answer, with a different one it is refused (422).
///
/// The canonical form is the method, the path and the parameters sorted by name, one `name=value` per line with
/// `%`, `=` and line breaks percent-escaped, so equal requests give equal strings whatever the order of their fields.
/// The server may store it as is or store a digest of it.
public struct RequestFingerprint: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(method: String, path: String, parameters: [String: String]) {
        var lines = ["\(method.uppercased()) \(Self.escape(path))"]
        for name in parameters.keys.sorted() {
            lines.append("\(Self.escape(name))=\(Self.escape(parameters[name] ?? ""))")
        }
        value = lines.joined(separator: "\n")
    }

    /// A fingerprint stored earlier, e.g. read back from the database.
    public init(storedValue: String) {
        value = storedValue
    }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "%": escaped += "%25"
            case "=": escaped += "%3D"
            case "\n": escaped += "%0A"
            case "\r": escaped += "%0D"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
