/// An email address normalised for matching identities: trimmed and lower-cased.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// `nil` when the text is not a plausible address (one `@`, a non-empty local part, a dotted domain, no spaces).
    public init?(_ text: String) {
        let normalised = text.trimmingSpaces().lowercased()
        let parts = normalised.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), normalised.count <= 254, !normalised.contains(where: \.isWhitespace)
        else { return nil }
        value = normalised
    }

    public var description: String { value }
}
