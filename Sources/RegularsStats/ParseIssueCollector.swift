/// Collects malformed lines (the first 100 verbatim) while parsing.
struct ParseIssueCollector {
    var lines: [MalformedLine] = []
    var total = 0

    mutating func add(line: Int, _ reason: String) {
        total += 1
        if lines.count < 100 { lines.append(MalformedLine(line: line, reason: reason)) }
    }

    func throwIfAny() throws(TransactionLogParseError) {
        if total > 0 { throw .malformedLines(lines, total: total) }
    }
}
