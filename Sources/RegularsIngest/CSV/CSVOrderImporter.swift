import Foundation

/// Turns CSV records into orders and rejections, one at a time: the first record is the header, then each
/// completed order is emitted as soon as the next order's first row (or the end of input) is seen. Holds only the
/// order being read, so memory does not grow with the file.
public struct CSVOrderImporter: CSVItemImporter {
    enum Stage {
        case awaitingHeader
        case shopify(ShopifyOrdersCSVGrouper)
        case generic(GenericOrdersCSVGrouper)
    }

    public let format: CSVOrderFormat
    public let options: IngestOptions
    var stage = Stage.awaitingHeader

    public init(format: CSVOrderFormat, options: IngestOptions) {
        self.format = format
        self.options = options
    }

    /// Consumes one record. Throws ``IngestError`` when the header lacks a required column, and rethrows `emit`'s
    /// errors (to stop early).
    public mutating func consume(_ record: CSVRecord, _ emit: (CSVImportItem) throws -> Void) throws {
        switch stage {
        case .awaitingHeader:
            if let problem = record.problem {
                throw IngestError(.malformedBody, field: "", reason: "line \(record.line): \(problem)")
            }
            let header = CSVHeader(record.fields)
            switch format {
            case .shopifyOrdersExport:
                stage = .shopify(try ShopifyOrdersCSVGrouper(header: header, options: options))
            case .generic(let mapping):
                stage = .generic(try GenericOrdersCSVGrouper(header: header, mapping: mapping, options: options))
            }
        case .shopify(var grouper):
            stage = .awaitingHeader
            defer { stage = .shopify(grouper) }
            try grouper.consume(record, emit)
        case .generic(var grouper):
            stage = .awaitingHeader
            defer { stage = .generic(grouper) }
            try grouper.consume(record, emit)
        }
    }

    /// Emits the last order. Call once after the last record.
    public mutating func finish(_ emit: (CSVImportItem) throws -> Void) throws {
        switch stage {
        case .awaitingHeader:
            throw IngestError(.malformedBody, field: "", reason: "the file has no header row")
        case .shopify(var grouper):
            try grouper.finish(emit)
            stage = .shopify(grouper)
        case .generic(var grouper):
            try grouper.finish(emit)
            stage = .generic(grouper)
        }
    }
}
