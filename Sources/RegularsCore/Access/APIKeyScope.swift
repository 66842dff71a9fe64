/// What an API key may do: `ingest` keys only write events; `admin` keys read and manage everything.
public enum APIKeyScope: String, CaseIterable, Sendable, Codable {
    case ingest
    case admin
}
