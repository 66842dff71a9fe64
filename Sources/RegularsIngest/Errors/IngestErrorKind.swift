/// What kind of validation failure an ``IngestError`` reports; decides the HTTP status the server answers with.
public enum IngestErrorKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The body is not well-formed JSON (or not the form body a sender documents).
    case malformedBody = "malformed_body"
    /// A field has the wrong JSON type (a string where an object is expected, …).
    case wrongType = "wrong_type"
    /// A required field is absent or `null`.
    case missingField = "missing_field"
    /// A field has the right type but a value we cannot accept (bad date, bad decimal, unknown status…).
    case invalidValue = "invalid_value"
    /// A currency code that is not an active ISO 4217 code.
    case unknownCurrency = "unknown_currency"
    /// A quantity or amount below zero where only zero or more makes sense.
    case negativeValue = "negative_value"
    /// A timestamp later than `now` plus the configured tolerance.
    case futureDate = "future_date"
    /// Order amounts that do not add up within the documented tolerance.
    case totalsMismatch = "totals_mismatch"
    /// A body or message larger than the sender's documented limit.
    case tooLarge = "too_large"
    /// A webhook topic or message type this module does not map.
    case unsupportedTopic = "unsupported_topic"

    /// The HTTP status a receiving endpoint should answer with: 400 for bodies that cannot be read, 413 for
    /// oversized ones, 422 for well-formed bodies whose content is rejected.
    public var httpStatus: Int {
        switch self {
        case .malformedBody: 400
        case .tooLarge: 413
        case .wrongType, .missingField, .invalidValue, .unknownCurrency, .negativeValue, .futureDate,
            .totalsMismatch, .unsupportedTopic:
            422
        }
    }
}
