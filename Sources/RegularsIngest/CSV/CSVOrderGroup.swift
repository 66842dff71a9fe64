/// The rows of the order being read: its first row (order-level values), its lines so far, and the first
/// problem found. Only one group is alive at a time, and it holds at most ``maximumLines`` lines.
struct CSVOrderGroup {
    static let maximumLines = 10_000

    let key: String
    let first: CSVRow
    var lines: [IngestOrderLine] = []
    var failure: CSVRejection?

    init(key: String, first: CSVRow) {
        self.key = key
        self.first = first
    }

    var line: Int { first.record.line }

    mutating func fail(_ rejection: CSVRejection) {
        if failure == nil { failure = rejection }
    }

    mutating func add(_ line: IngestOrderLine, row: CSVRow) {
        guard lines.count < Self.maximumLines else {
            fail(row.reject(nil, "the order has more than \(Self.maximumLines) line items"))
            return
        }
        lines.append(line)
    }

    /// The finished group as an import item: its first failure, or the order `build` makes of it.
    func item(_ build: (CSVOrderGroup) throws(CSVRejection) -> IngestOrder) -> CSVImportItem {
        if let failure { return .rejection(failure) }
        do {
            return .order(try build(self), line: line)
        } catch {
            return .rejection(error)
        }
    }
}
