import Foundation

/// Where the data lives, as `REGULARS_DATABASE_URL` names it: `sqlite:PATH` or `postgres://user:pass@host:port/db`.
public enum DatabaseURL: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultValue = "sqlite:regulars.sqlite"

    public init?(_ text: String) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { return nil }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URL(string: text), url.host != nil, url.path.count > 1 else { return nil }
            self = .postgres(url: text)
        } else {
            return nil
        }
    }

    /// The URL with any password replaced, for logs and messages.
    public var redacted: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}
