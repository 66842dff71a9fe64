import Foundation
import RegularsCore
import RegularsIngest

/// Imports an orders CSV into the database in constant memory: the file streams through `RegularsIngest`'s parser,
/// orders are written in transactions of `batchSize` as one `OrderBatch` (the same idempotent upsert as webhooks,
/// as set operations), so a re-import changes nothing and a run interrupted midway and started again leaves no
/// duplicates. Rejected rows go to the `rejection` handler as they are met; the summary keeps only the first ones.
public struct CSVOrderImportRunner: Sendable {
    let database: Database
    let baseCurrency: CurrencyCode
    public var batchSize = 500

    /// Called every `batchSize` orders with the rows done so far and the bytes of the file read.
    public typealias Progress = @Sendable (_ rows: Int, _ bytesRead: UInt64) -> Void

    public func run(
        path: String, format: CSVOrderFormat, progress: Progress = { _, _ in },
        rejection: CSVRejectionHandler = { _ in }
    ) async throws -> CSVImportSummary {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigurationError(variable: "FILE", problem: "cannot read \(path)")
        }
        defer { try? handle.close() }
        var summary = CSVImportSummary()
        var batch: [(order: IngestOrder, line: Int)] = []
        for try await item in CSVOrderImport.items(handle, format: format, options: IngestOptions(now: Date())) {
            summary.rows += 1
            switch item {
            case .order(let order, let line): batch.append((order, line))
            case .rejection(let found): summary.reject(found, handler: rejection)
            }
            if batch.count >= batchSize {
                try await write(batch, into: &summary, rejection: rejection)
                batch.removeAll(keepingCapacity: true)
                progress(summary.rows, (try? handle.offset()) ?? 0)
            }
        }
        try await write(batch, into: &summary, rejection: rejection)
        progress(summary.rows, (try? handle.offset()) ?? 0)
        return summary
    }

    private func write(
        _ batch: [(order: IngestOrder, line: Int)], into summary: inout CSVImportSummary,
        rejection: CSVRejectionHandler
    ) async throws {
        guard !batch.isEmpty else { return }
        let (outcomes, refused) = try await database.write { sql in
            let orders = OrderBatch(sql: sql, baseCurrency: baseCurrency)
            try await orders.prepare(customers: batch.map { ($0.order.customer, $0.order.email) })
            var refused: [CSVRejection] = []
            for (order, line) in batch {
                let base: OrderInput.BaseAmounts
                do {
                    base = try orders.writer.baseAmounts(of: order)
                } catch let problem as Problem {
                    refused.append(
                        CSVRejection(
                            line: line, column: problem.invalidParams?.first?.name,
                            reason: problem.invalidParams?.first?.reason ?? problem.detail ?? problem.title,
                            orderReference: order.externalID))
                    continue
                }
                let customerID = try await orders.customerID(for: order.customer, email: order.email)
                _ = try await orders.add(IngestWriter.orderInput(order, base: base, customerID: customerID))
            }
            try await orders.finish()
            return (orders.takeWritten().map(\.outcome), refused)
        }
        for outcome in outcomes {
            switch outcome {
            case .created: summary.imported += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.duplicates += 1
            }
        }
        for found in refused { summary.reject(found, handler: rejection) }
    }
}

extension RegularsRunner {
    /// `regulars import orders`: streams the file into the database and returns the summary.
    public static func importOrders(
        path: String, format: CSVOrderFormat, progress: CSVOrderImportRunner.Progress,
        rejection: CSVRejectionHandler = { _ in }
    ) async throws -> CSVImportSummary {
        try await withApplication(hostname: nil, port: nil) { app in
            try await CSVOrderImportRunner(
                database: app.regulars.database, baseCurrency: app.regulars.configuration.store.baseCurrency
            ).run(path: path, format: format, progress: progress, rejection: rejection)
        }
    }
}
