import RegularsCore

extension JSONValue {
    /// Exact minor units of `currency` from a JSON number (`25.99`, `2.599e1`) or decimal string (`"25.99"`),
    /// converted from the literal text: never through `Double`, never rounded (too many decimals is an error).
    public func minorUnits(of currency: CurrencyCode, field: String = "") throws(IngestError) -> Int64 {
        try JSONCursor(self, path: FieldPath(field)).minorUnits(currency, allowNegative: true)
    }
}
