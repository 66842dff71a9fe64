import RegularsCore
import Vapor

/// Money in API responses: exact minor units, the currency, and the same amount as a decimal string for display.
struct MoneyDTO: Content, Equatable {
    var minorUnits: Int64
    var currency: String
    var amount: String

    init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
        let digits = CurrencyCode(currency)?.minorUnitDigits ?? 2
        amount = Money.decimalString(minorUnits: minorUnits, digits: digits)
    }

    /// "12.50 USD": the amount as a merchant reads it, whatever the locale.
    var displayText: String { "\(amount) \(currency)" }
}
