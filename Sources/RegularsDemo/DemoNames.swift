/// Name tables per language. Arabic names are in Arabic script, Chinese names in Han characters (simplified, with
/// traditional forms for Taiwan and Hong Kong), each with an ASCII romanisation.
enum DemoNames {
    static func firstNames(for locale: DemoLocale) -> [DemoNameEntry] {
        switch locale {
        case .english: return englishFirst
        case .arabic: return arabicFirst
        case .chinese: return chineseGiven
        }
    }

    static func lastNames(for locale: DemoLocale) -> [DemoNameEntry] {
        switch locale {
        case .english: return englishLast
        case .arabic: return arabicLast
        case .chinese: return chineseFamily
        }
    }
}
