import Foundation

/// Resolves IANA time-zone names, refusing the names Foundation silently maps to GMT.
public enum StoreTimeZone {
    public static func named(_ identifier: String) -> TimeZone? {
        guard TimeZone.knownTimeZoneIdentifiers.contains(identifier) || identifier == "UTC" else { return nil }
        return TimeZone(identifier: identifier)
    }
}
