import Foundation
import RegularsCore
import Vapor

/// What every page's layout needs — language and direction, strings, CSRF token, navigation — around the page's own
/// `content`.
struct PageContext<Content: Encodable>: Encodable {
    var lang: String
    var dir: String
    var t: [String: String]
    var csrf: String
    var storeName: String
    var title: String
    var adminEmail: String?
    var nav: [NavItem]
    var languages: [LanguageLink]
    var content: Content

    struct NavItem: Encodable {
        var href: String
        var label: String
        var current: Bool
    }

    struct LanguageLink: Encodable {
        var href: String
        var label: String
        var current: Bool
    }
}

extension Request {
    /// Renders `template` inside the layout, in the request's language.
    func page<Content: Encodable>(
        _ template: String, titleKey: String, section: String?, preferredLocale: SupportedLocale? = nil,
        _ content: Content
    ) async throws -> View {
        let locale = WebLocale.resolve(self, preferred: preferredLocale)
        let strings = Catalogue.shared.table(locale)
        let navigation = [
            ("dashboard", "/dashboard", "nav_dashboard"), ("customers", "/customers", "nav_customers"),
            ("loyalty", "/loyalty", "nav_loyalty"),
            ("integrations", "/integrations", "nav_integrations"),
        ]
        let languageNames: [SupportedLocale: String] = [.en: "English", .ar: "العربية", .zh: "中文"]
        let context = PageContext(
            lang: locale.rawValue, dir: locale.isRightToLeft ? "rtl" : "ltr", t: strings,
            csrf: CSRFMiddleware.token(for: self), storeName: regulars.configuration.store.name,
            title: Catalogue.shared.text(titleKey, locale), adminEmail: storage[SignedInAdmin.self]?.email,
            nav: navigation.map { id, href, key in
                PageContext<Content>.NavItem(
                    href: href, label: Catalogue.shared.text(key, locale), current: id == section)
            },
            languages: SupportedLocale.allCases.map { option in
                PageContext<Content>.LanguageLink(
                    href: url.path + "?lang=\(option.rawValue)", label: languageNames[option] ?? option.rawValue,
                    current: option == locale)
            },
            content: content)
        return try await view.render(template, context)
    }
}
