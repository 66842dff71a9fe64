import Foundation

/// Turns customer CSV records into customers and rejections, one row at a time: the first record is the header,
/// every later record is one customer. Holds nothing between rows, so memory does not grow with the file.
public struct CSVCustomerImporter: CSVItemImporter {
    public let format: CSVCustomerFormat
    public let options: IngestOptions
    var columns: CustomerCSVColumns?

    public init(format: CSVCustomerFormat, options: IngestOptions) {
        self.format = format
        self.options = options
    }

    public mutating func consume(_ record: CSVRecord, _ emit: (CSVCustomerItem) throws -> Void) throws {
        guard let columns else {
            if let problem = record.problem {
                throw IngestError(.malformedBody, field: "", reason: "line \(record.line): \(problem)")
            }
            let header = CSVHeader(record.fields)
            switch format {
            case .shopifyCustomersExport: self.columns = try CustomerCSVColumns.shopify(header)
            case .generic(let mapping): self.columns = try CustomerCSVColumns.generic(header, mapping: mapping)
            }
            return
        }
        let probe = CSVRow(record: record, reference: nil)
        let reference = columns.text(probe, columns.id) ?? columns.text(probe, columns.email)
        let row = CSVRow(record: record, reference: reference)
        if let problem = record.problem {
            try emit(.rejection(row.reject(nil, problem)))
            return
        }
        let item: CSVCustomerItem
        do {
            item = .customer(try columns.customer(row, options: options), line: record.line)
        } catch {
            item = .rejection(error)
        }
        try emit(item)
    }

    public mutating func finish(_ emit: (CSVCustomerItem) throws -> Void) throws {
        guard columns != nil else {
            throw IngestError(.malformedBody, field: "", reason: "the file has no header row")
        }
    }
}
