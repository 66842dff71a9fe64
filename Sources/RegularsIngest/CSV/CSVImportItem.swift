/// What a CSV import yields, one at a time: an order (with the line its first row is on) or a rejection.
public enum CSVImportItem: Sendable, Equatable {
    case order(IngestOrder, line: Int)
    case rejection(CSVRejection)
}
