import Foundation

/// The items an importer makes of a CSV file, as an `AsyncSequence`. Each step reads at most one chunk, so at most
/// one chunk's worth of items is buffered.
public struct CSVImportSequence<Importer: CSVItemImporter>: AsyncSequence, Sendable {
    public typealias Element = Importer.Item

    let handle: FileHandle
    let importer: Importer
    let chunkSize: Int

    public init(handle: FileHandle, importer: Importer, chunkSize: Int = CSVReader.defaultChunkSize) {
        self.handle = handle
        self.importer = importer
        self.chunkSize = chunkSize
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(handle: handle, importer: importer, chunkSize: chunkSize)
    }

    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let handle: FileHandle
        var importer: Importer
        let chunkSize: Int
        var parser = CSVParser()
        var pending: [Importer.Item] = []
        var pendingIndex = 0
        var finished = false

        init(handle: FileHandle, importer: Importer, chunkSize: Int) {
            self.handle = handle
            self.importer = importer
            self.chunkSize = chunkSize
        }

        public mutating func next() async throws -> Importer.Item? {
            while pendingIndex == pending.count {
                if finished { return nil }
                pending.removeAll(keepingCapacity: true)
                pendingIndex = 0
                try readChunk()
            }
            defer { pendingIndex += 1 }
            return pending[pendingIndex]
        }

        mutating func readChunk() throws {
            var items: [Importer.Item] = []
            var importer = self.importer
            var parser = self.parser
            if let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                try chunk.withUnsafeBytes { buffer in
                    try parser.parse(buffer) { record in try importer.consume(record) { items.append($0) } }
                }
            } else {
                try parser.finish { record in try importer.consume(record) { items.append($0) } }
                try importer.finish { items.append($0) }
                finished = true
            }
            self.importer = importer
            self.parser = parser
            pending = items
        }
    }
}
