import Foundation
import RegularsCore

/// A position in a parsed document with typed, path-aware accessors: every failure names the field.
/// Absent members and `null` are both "missing" for optional accessors.
struct JSONCursor {
    let value: JSONValue?
    let path: FieldPath
    /// Set when an ancestor was present but not an object/array, so reading through it is a type error.
    let pendingError: IngestError?

    init(_ value: JSONValue?, path: FieldPath = .root, pendingError: IngestError? = nil) {
        self.value = value
        self.path = path
        self.pendingError = pendingError
    }

    var field: String { path.description }

    subscript(key: String) -> JSONCursor {
        let childPath = path.appending(key: key)
        if let pendingError { return JSONCursor(nil, path: childPath, pendingError: pendingError) }
        switch value {
        case .object(let members)?: return JSONCursor(members[key], path: childPath)
        case nil, .null?: return JSONCursor(nil, path: childPath)
        case let other?: return JSONCursor(nil, path: childPath, pendingError: typeError(expected: "an object", other))
        }
    }

    /// The first of `keys` whose member is present and not null (for synonyms such as `firstName`/`first_name`).
    func first(_ keys: String...) -> JSONCursor {
        for key in keys where !self[key].isMissing { return self[key] }
        return self[keys[0]]
    }

    /// The first non-blank string among the members `keys`.
    func firstString(_ keys: String...) throws(IngestError) -> String? {
        for key in keys {
            if let text = try self[key].optionalString() { return text }
        }
        return nil
    }

    var isMissing: Bool {
        switch value {
        case nil, .null?: pendingError == nil
        default: false
        }
    }

    func typeError(expected: String, _ actual: JSONValue) -> IngestError {
        IngestError(.wrongType, field: field, reason: "expected \(expected), found \(actual.typeName)")
    }

    func missing(_ what: String = "this field is required") -> IngestError {
        IngestError(.missingField, field: field, reason: what)
    }

    func invalid(_ reason: String) -> IngestError {
        IngestError(.invalidValue, field: field, reason: reason)
    }

    /// The present, non-null value; throws for missing fields and pending type errors.
    func required() throws(IngestError) -> JSONValue {
        if let pendingError { throw pendingError }
        guard let value, value != .null else { throw missing() }
        return value
    }

    /// The present, non-null value or `nil`; throws only for pending type errors.
    func optional() throws(IngestError) -> JSONValue? {
        if let pendingError { throw pendingError }
        guard let value, value != .null else { return nil }
        return value
    }

    // MARK: Strings

    func string() throws(IngestError) -> String {
        let value = try required()
        guard case .string(let text) = value else { throw typeError(expected: "a string", value) }
        return text
    }

    /// A string, or `nil` for absent, `null` or blank text.
    func optionalString() throws(IngestError) -> String? {
        guard let value = try optional() else { return nil }
        guard case .string(let text) = value else { throw typeError(expected: "a string", value) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Text that may be sent as a JSON string or number (user ids, order ids): numbers keep their literal text.
    func optionalIdentifier() throws(IngestError) -> String? {
        guard let value = try optional() else { return nil }
        switch value {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let literal):
            guard let integer = DecimalText.integer(literal) else {
                throw invalid("an identifier sent as a number must be a whole number, found \(literal)")
            }
            return String(integer)
        default:
            throw typeError(expected: "a string or number", value)
        }
    }

    func identifier() throws(IngestError) -> String {
        guard let text = try optionalIdentifier() else {
            if let pendingError { throw pendingError }
            throw missing()
        }
        return text
    }

    // MARK: Numbers

    /// A whole number sent as a JSON number (or a string of digits).
    func optionalInt64() throws(IngestError) -> Int64? {
        guard let value = try optional() else { return nil }
        let text: String
        switch value {
        case .number(let literal): text = literal
        case .string(let string) where !string.isEmpty: text = string.trimmingCharacters(in: .whitespaces)
        case .string: return nil
        default: throw typeError(expected: "a whole number", value)
        }
        guard let integer = DecimalText.integer(text) else {
            throw invalid("expected a whole number, found \(text)")
        }
        return integer
    }

    func int64() throws(IngestError) -> Int64 {
        guard let integer = try optionalInt64() else { throw missing() }
        return integer
    }

    /// A quantity: a whole number, zero or more.
    func quantity() throws(IngestError) -> Int64 {
        let quantity = try int64()
        guard quantity >= 0 else {
            throw IngestError(.negativeValue, field: field, reason: "quantity \(quantity) is negative")
        }
        return quantity
    }

    /// An amount in minor units of `currency`, from a decimal string (`"29.35"`) or a JSON number (`29.35`),
    /// converted exactly from its text; blank strings count as absent.
    func optionalMinorUnits(_ currency: CurrencyCode, allowNegative: Bool = false) throws(IngestError) -> Int64? {
        guard let value = try optional() else { return nil }
        let text: String
        switch value {
        case .number(let literal): text = literal
        case .string(let string):
            let trimmed = string.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            text = trimmed
        default: throw typeError(expected: "a decimal amount (string or number)", value)
        }
        let minor: Int64
        do {
            minor = try DecimalText.minorUnits(text, digits: currency.minorUnitDigits)
        } catch {
            switch error {
            case .tooManyDecimals(_, let allowed):
                throw invalid("\(text) has more than \(allowed) decimal places for \(currency.code)")
            case .notADecimal: throw invalid("\(text) is not a decimal amount")
            case .outOfRange: throw invalid("\(text) is out of range")
            }
        }
        guard allowNegative || minor >= 0 else {
            throw IngestError(.negativeValue, field: field, reason: "amount \(text) is negative")
        }
        return minor
    }

    func minorUnits(_ currency: CurrencyCode, allowNegative: Bool = false) throws(IngestError) -> Int64 {
        guard let minor = try optionalMinorUnits(currency, allowNegative: allowNegative) else { throw missing() }
        return minor
    }

    // MARK: Other scalars

    func optionalBool() throws(IngestError) -> Bool? {
        guard let value = try optional() else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string("true"), .string("1"), .string("yes"): return true
        case .string("false"), .string("0"), .string("no"): return false
        default: throw typeError(expected: "a boolean", value)
        }
    }

    func optionalCurrency() throws(IngestError) -> CurrencyCode? {
        guard let text = try optionalString() else { return nil }
        guard let currency = CurrencyCode(text) else {
            throw IngestError(.unknownCurrency, field: field, reason: "'\(text)' is not an ISO 4217 currency code")
        }
        return currency
    }

    func currency() throws(IngestError) -> CurrencyCode {
        guard let currency = try optionalCurrency() else { throw missing() }
        return currency
    }

    /// A timestamp (see ``TimestampParser``) no later than `options.latestAcceptableDate` (unless `checkFuture` is
    /// off, for device clocks that are corrected later). `defaultOffsetSeconds` applies to text without an offset.
    func optionalDate(
        _ options: IngestOptions, defaultOffsetSeconds: Int = 0, checkFuture: Bool = true
    ) throws(IngestError) -> Date? {
        guard let value = try optional() else { return nil }
        guard case .string(let text) = value else { throw typeError(expected: "a timestamp string", value) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let date = TimestampParser.parse(trimmed, defaultOffsetSeconds: defaultOffsetSeconds) else {
            throw invalid("'\(text)' is not an ISO 8601 timestamp")
        }
        if checkFuture { try Validation.notInFuture(date, options: options, field: field, text: text) }
        return date
    }

    func date(_ options: IngestOptions, defaultOffsetSeconds: Int = 0) throws(IngestError) -> Date {
        guard let date = try optionalDate(options, defaultOffsetSeconds: defaultOffsetSeconds) else {
            throw missing()
        }
        return date
    }

    // MARK: Containers

    /// The elements of an array (absent or `null` gives no elements).
    func elements() throws(IngestError) -> [JSONCursor] {
        guard let value = try optional() else { return [] }
        guard case .array(let items) = value else { throw typeError(expected: "an array", value) }
        return items.enumerated().map { JSONCursor($0.element, path: path.appending(index: $0.offset)) }
    }

    /// Asserts the value, when present, is an object.
    @discardableResult
    func optionalObject() throws(IngestError) -> [String: JSONValue]? {
        guard let value = try optional() else { return nil }
        guard case .object(let members) = value else { throw typeError(expected: "an object", value) }
        return members
    }

    @discardableResult
    func object() throws(IngestError) -> [String: JSONValue] {
        guard let members = try optionalObject() else { throw missing() }
        return members
    }
}
