import Foundation

/// Reads CSV records from a file in fixed-size chunks, so memory stays constant however large the file.
public enum CSVReader: Sendable {
    /// The chunk size read from the file at a time.
    public static let defaultChunkSize = 64 * 1024

    /// Calls `body` with every record of the file, in order.
    public static func forEachRecord(
        in handle: FileHandle, parser: CSVParser = CSVParser(), chunkSize: Int = defaultChunkSize,
        _ body: (CSVRecord) throws -> Void
    ) throws {
        var parser = parser
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            try chunk.withUnsafeBytes { buffer in try parser.parse(buffer, body) }
        }
        try parser.finish(body)
    }

    /// All records of a small in-memory text (tests, previews).
    public static func records(in text: String, parser: CSVParser = CSVParser()) -> [CSVRecord] {
        var parser = parser
        var records: [CSVRecord] = []
        parser.parse(Array(text.utf8)) { records.append($0) }
        parser.finish { records.append($0) }
        return records
    }
}
