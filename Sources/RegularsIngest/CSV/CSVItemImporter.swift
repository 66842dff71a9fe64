/// Turns CSV records into import items one at a time (the first record is the header), holding only what the item
/// being read needs, so a file of any size streams in constant memory.
public protocol CSVItemImporter: Sendable {
    associatedtype Item: Sendable

    /// Consumes one record, calling `emit` for every item it completes. Throws ``IngestError`` for header problems and
    /// rethrows `emit`'s errors (to stop early).
    mutating func consume(_ record: CSVRecord, _ emit: (Item) throws -> Void) throws

    /// Emits what is still pending. Call once after the last record.
    mutating func finish(_ emit: (Item) throws -> Void) throws
}
