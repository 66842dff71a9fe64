import RegularsCore
import Vapor

/// Picks a page's language: `?lang=` (remembered in the session), then the merchant's saved setting (or, on a
/// shopper's page, the shopper's), then `Accept-Language`, then the store's default.
enum WebLocale {
    static let sessionKey = "locale"

    static func resolve(_ request: Request, preferred: SupportedLocale? = nil) -> SupportedLocale {
        if let requested = request.query[String.self, at: "lang"], let locale = SupportedLocale(rawValue: requested) {
            request.session.data[sessionKey] = locale.rawValue
            return locale
        }
        if let saved = request.session.data[sessionKey], let locale = SupportedLocale(rawValue: saved) { return locale }
        if let account = request.storage[SignedInAdmin.self], let saved = account.locale,
            let locale = SupportedLocale(rawValue: saved)
        {
            return locale
        }
        if let preferred { return preferred }
        if let header = request.headers.first(name: .acceptLanguage),
            let locale = SupportedLocale.negotiate(acceptLanguage: header)
        {
            return locale
        }
        return request.regulars.configuration.store.defaultLocale
    }
}
