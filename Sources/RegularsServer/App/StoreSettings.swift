import Foundation
import RegularsCore

/// The store Regulars serves: its name, the currency reports are in, its time zone and default language.
public struct StoreSettings: Sendable {
    public var name: String
    public var baseCurrency: CurrencyCode
    public var timeZone: TimeZone
    public var defaultLocale: SupportedLocale
}
