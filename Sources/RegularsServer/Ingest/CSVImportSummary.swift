import RegularsIngest

/// What an import did: every row ends up imported, updated, skipped as a duplicate, or rejected with its line.
public struct CSVImportSummary: Sendable, Equatable {
    public var imported = 0
    public var updated = 0
    public var duplicates = 0
    public var rejected: [CSVRejection] = []
    public var rows = 0

    public var text: String {
        "imported \(imported), updated \(updated), skipped as duplicates \(duplicates), rejected \(rejected.count)"
    }
}
