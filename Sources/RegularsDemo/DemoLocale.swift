/// Customer language; raw values are the locale codes stored on ``DemoCustomer``.
enum DemoLocale: String, CaseIterable, Sendable {
    case english = "en"
    case arabic = "ar"
    case chinese = "zh"

    /// Position in `allCases`.
    var index: Int {
        switch self {
        case .english: return 0
        case .arabic: return 1
        case .chinese: return 2
        }
    }

    /// Share of customers speaking this language.
    var weight: Double {
        switch self {
        case .english: return 0.5
        case .arabic, .chinese: return 0.25
        }
    }
}
