import Foundation

/// Entry points for importing customer CSV files in constant memory.
public enum CSVCustomerImport: Sendable {
    /// The customers and rejections of the file at `handle`, read chunk by chunk.
    public static func items(
        _ handle: FileHandle, format: CSVCustomerFormat, options: IngestOptions,
        chunkSize: Int = CSVReader.defaultChunkSize
    ) -> CSVImportSequence<CSVCustomerImporter> {
        CSVImportSequence(
            handle: handle, importer: CSVCustomerImporter(format: format, options: options), chunkSize: chunkSize)
    }

    /// Imports an in-memory text (small files, tests).
    public static func items(in text: String, format: CSVCustomerFormat, options: IngestOptions) throws
        -> [CSVCustomerItem]
    {
        var importer = CSVCustomerImporter(format: format, options: options)
        var items: [CSVCustomerItem] = []
        for record in CSVReader.records(in: text) {
            try importer.consume(record) { items.append($0) }
        }
        try importer.finish { items.append($0) }
        return items
    }
}
