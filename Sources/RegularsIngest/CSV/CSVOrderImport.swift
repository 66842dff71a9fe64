import Foundation

/// Entry points for importing order CSV files in constant memory.
public enum CSVOrderImport: Sendable {
    /// Reads `handle` chunk by chunk and calls `body` with each order or rejection as soon as it is complete.
    /// Throws for unreadable files, header problems, and whatever `body` throws (which stops the import).
    public static func run(
        _ handle: FileHandle, format: CSVOrderFormat, options: IngestOptions, parser: CSVParser = CSVParser(),
        chunkSize: Int = CSVReader.defaultChunkSize, _ body: (CSVImportItem) throws -> Void
    ) throws {
        var importer = CSVOrderImporter(format: format, options: options)
        try CSVReader.forEachRecord(in: handle, parser: parser, chunkSize: chunkSize) { record in
            try importer.consume(record, body)
        }
        try importer.finish(body)
    }

    /// Imports an in-memory text (small files, tests).
    public static func items(in text: String, format: CSVOrderFormat, options: IngestOptions) throws -> [CSVImportItem]
    {
        var importer = CSVOrderImporter(format: format, options: options)
        var items: [CSVImportItem] = []
        for record in CSVReader.records(in: text) {
            try importer.consume(record) { items.append($0) }
        }
        try importer.finish { items.append($0) }
        return items
    }

    /// The same import as an `AsyncSequence`, for `for try await item in …` consumers.
    public static func items(
        _ handle: FileHandle, format: CSVOrderFormat, options: IngestOptions,
        chunkSize: Int = CSVReader.defaultChunkSize
    ) -> CSVOrderImportSequence {
        CSVImportSequence(
            handle: handle, importer: CSVOrderImporter(format: format, options: options), chunkSize: chunkSize)
    }
}
