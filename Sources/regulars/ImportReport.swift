import Foundation
import RegularsServer

/// Prints an import's summary and its first rejections (every rejection went to `--rejections FILE` as it happened).
enum ImportReport {
    static func print(_ summary: CSVImportSummary, rejectionsFile: String?) {
        Swift.print(summary.text)
        for rejection in summary.rejected.prefix(20) {
            Swift.print("  line \(rejection.line): \(rejection.column.map { "\($0): " } ?? "")\(rejection.reason)")
        }
        if summary.rejectedCount > 20 { Swift.print("  … and \(summary.rejectedCount - 20) more") }
        if let rejectionsFile, summary.rejectedCount > 0 { Swift.print("  every rejection: \(rejectionsFile)") }
    }
}
