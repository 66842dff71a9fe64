import Foundation
import RegularsCore

/// Every user-visible string of the pages, per language, from `Resources/Locales/<lang>.json`.
struct Catalogue: Sendable {
    let strings: [SupportedLocale: [String: String]]

    static let shared: Catalogue = {
        var strings: [SupportedLocale: [String: String]] = [:]
        for locale in SupportedLocale.allCases {
            let url = ResourceDirectory.url.appendingPathComponent("Locales/\(locale.rawValue).json")
            let table = (try? Data(contentsOf: url)).flatMap {
                try? JSONDecoder().decode([String: String].self, from: $0)
            }
            strings[locale] = table ?? [:]
        }
        return Catalogue(strings: strings)
    }()

    func table(_ locale: SupportedLocale) -> [String: String] { strings[locale] ?? [:] }

    /// The string for `key`, falling back to English and then to the key itself (which a test forbids).
    func text(_ key: String, _ locale: SupportedLocale) -> String {
        strings[locale]?[key] ?? strings[.en]?[key] ?? key
    }
}
