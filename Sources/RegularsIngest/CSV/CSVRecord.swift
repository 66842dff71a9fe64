/// One CSV record (a row, possibly spanning several physical lines when a quoted field holds newlines).
public struct CSVRecord: Sendable, Equatable, Hashable {
    public var fields: [String]
    /// The 1-based physical line the record starts on.
    public var line: Int
    /// A syntax problem found while reading it (unterminated quote, text after a closing quote, invalid UTF-8,
    /// oversized record); importers reject such records.
    public var problem: String?

    public init(fields: [String], line: Int, problem: String? = nil) {
        self.fields = fields
        self.line = line
        self.problem = problem
    }
}
