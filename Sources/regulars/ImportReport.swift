import Foundation
import RegularsServer

/// Prints an import's summary and its first rejections, and writes every rejection to a file when asked.
enum ImportReport {
    static func print(_ summary: CSVImportSummary, rejectionsFile: String?) throws {
        Swift.print(summary.text)
        for rejection in summary.rejected.prefix(20) {
            Swift.print("  line \(rejection.line): \(rejection.column.map { "\($0): " } ?? "")\(rejection.reason)")
        }
        if summary.rejected.count > 20 { Swift.print("  … and \(summary.rejected.count - 20) more") }
        if let rejectionsFile {
            let lines = summary.rejected.map { "\($0.line)\t\($0.column ?? "")\t\($0.reason)" }
            try (["line\tcolumn\treason"] + lines).joined(separator: "\n").appending("\n")
                .write(toFile: rejectionsFile, atomically: true, encoding: .utf8)
        }
    }
}
