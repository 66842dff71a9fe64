import RegularsIngest

/// What an import did: every row ends up imported, updated, skipped as a duplicate, or rejected with its line.
/// Only the first ``keptRejections`` rejections are kept here (the runners hand every one to their rejection
/// handler as it happens), so a file of a million bad rows imports in bounded memory.
public struct CSVImportSummary: Sendable, Equatable {
    public static let keptRejections = 100

    public var imported = 0
    public var updated = 0
    public var duplicates = 0
    /// The first ``keptRejections`` rejections, in the order they happened.
    public var rejected: [CSVRejection] = []
    /// Every rejection, kept or not.
    public var rejectedCount = 0
    public var rows = 0

    public var text: String {
        "imported \(imported), updated \(updated), skipped as duplicates \(duplicates), rejected \(rejectedCount)"
    }

    mutating func reject(_ rejection: CSVRejection, handler: CSVRejectionHandler) {
        rejectedCount += 1
        if rejected.count < Self.keptRejections { rejected.append(rejection) }
        handler(rejection)
    }
}

/// Receives each rejected row as the import meets it (`regulars import --rejections FILE` writes it out at once).
public typealias CSVRejectionHandler = @Sendable (CSVRejection) -> Void
