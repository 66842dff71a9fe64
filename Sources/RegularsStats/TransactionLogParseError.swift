/// Why a transaction file could not be read.
public enum TransactionLogParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String)
    /// A CSV file without a header line.
    case missingHeader
    /// The CSV header does not name a required column.
    case missingColumn(String)
    /// Some lines are malformed: the first 100 are listed, `total` counts all of them. Nothing is returned from a
    /// file with malformed lines, so data is never silently dropped.
    case malformedLines([MalformedLine], total: Int)

    public var description: String {
        switch self {
        case .unreadable(let path): return "cannot read \(path)"
        case .missingHeader: return "the CSV file has no header line"
        case .missingColumn(let name): return "the CSV header has no column named \"\(name)\""
        case .malformedLines(let lines, let total):
            let shown = lines.prefix(5).map(\.description).joined(separator: "; ")
            return "\(total) malformed line(s): \(shown)\(total > 5 ? "; …" : "")"
        }
    }
}
