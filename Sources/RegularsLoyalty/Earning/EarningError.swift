import RegularsCore

/// Why an order's points could not be computed.
public enum EarningError: Error, Hashable, Sendable {
    /// The order is not in the rules' base currency (convert it first).
    case currencyMismatch(expected: CurrencyCode, received: CurrencyCode)
    /// A line with a negative quantity, price or discount.
    case invalidLine(index: Int)
    /// Negative order discount, shipping or tax.
    case invalidAmount(String)
}
