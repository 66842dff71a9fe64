import Foundation

/// Points recorded as pending by one entry, and how many of them are still waiting.
public struct PendingPoints: Hashable, Sendable, Identifiable {
    /// The sequence number of the pending entry.
    public let id: Int64
    public let kind: LedgerEntryKind
    public let orderID: String?
    /// Points the entry recorded.
    public let points: Int64
    /// Points neither released nor voided yet.
    public internal(set) var outstanding: Int64
    public let unlocksAt: Date
    /// When the lot created on release will expire.
    public let expiresAt: Date?
}
