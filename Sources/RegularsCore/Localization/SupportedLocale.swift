/// The languages every shopper- and merchant-facing page is written in.
public enum SupportedLocale: String, CaseIterable, Sendable, Codable {
    case en
    case ar
    case zh

    public var isRightToLeft: Bool { self == .ar }

    /// Picks the best supported locale from an `Accept-Language` header value, honouring q-weights;
    /// `nil` when none of the listed languages is supported.
    public static func negotiate(acceptLanguage header: String) -> SupportedLocale? {
        var best: (locale: SupportedLocale, weight: Double, order: Int)?
        for (order, item) in header.split(separator: ",").enumerated() {
            let fields = item.split(separator: ";").map { $0.trimmingSpaces() }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty else { continue }
            var weight = 1.0
            for field in fields.dropFirst() where field.hasPrefix("q=") {
                weight = Double(field.dropFirst(2)) ?? 0
            }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard weight > 0, let locale = SupportedLocale(rawValue: primary) else { continue }
            if best == nil || weight > best!.weight { best = (locale, weight, order) }
        }
        return best?.locale
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
