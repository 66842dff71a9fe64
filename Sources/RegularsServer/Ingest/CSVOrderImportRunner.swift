import Foundation
import RegularsCore
import RegularsIngest

/// Imports an orders CSV into the database in constant memory: the file streams through `RegularsIngest`'s parser,
/// orders are written in transactions of `batchSize`, each through the same idempotent upsert as webhooks, so a
/// re-import changes nothing and a run interrupted midway and started again leaves no duplicates.
public struct CSVOrderImportRunner: Sendable {
    let database: Database
    let baseCurrency: CurrencyCode
    public var batchSize = 500

    /// Called every `batchSize` orders with the rows done so far and the bytes of the file read.
    public typealias Progress = @Sendable (_ rows: Int, _ bytesRead: UInt64) -> Void

    public func run(path: String, format: CSVOrderFormat, progress: Progress = { _, _ in }) async throws
        -> CSVImportSummary
    {
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
            case .rejection(let rejection): summary.rejected.append(rejection)
            }
            if batch.count >= batchSize {
                try await write(batch, into: &summary)
                batch.removeAll(keepingCapacity: true)
                progress(summary.rows, (try? handle.offset()) ?? 0)
            }
        }
        try await write(batch, into: &summary)
        progress(summary.rows, (try? handle.offset()) ?? 0)
        return summary
    }

    private func write(_ batch: [(order: IngestOrder, line: Int)], into summary: inout CSVImportSummary) async throws {
        guard !batch.isEmpty else { return }
        let outcomes = try await database.write { sql in
            let writer = IngestWriter(sql: sql, baseCurrency: baseCurrency)
            var outcomes: [Result<WriteOutcome, CSVRejection>] = []
            for (order, line) in batch {
                do {
                    outcomes.append(.success(try await writer.apply(order)))
                } catch let problem as Problem {
                    outcomes.append(
                        .failure(
                            CSVRejection(
                                line: line, column: problem.invalidParams?.first?.name,
                                reason: problem.invalidParams?.first?.reason ?? problem.detail ?? problem.title,
                                orderReference: order.externalID)))
                }
            }
            return outcomes
        }
        for outcome in outcomes {
            switch outcome {
            case .success(.created): summary.imported += 1
            case .success(.updated): summary.updated += 1
            case .success(.unchanged): summary.duplicates += 1
            case .failure(let rejection): summary.rejected.append(rejection)
            }
        }
    }
}

extension RegularsRunner {
    /// `regulars import orders`: streams the file into the database and returns the summary.
    public static func importOrders(path: String, format: CSVOrderFormat, progress: CSVOrderImportRunner.Progress)
        async throws -> CSVImportSummary
    {
        try await withApplication(hostname: nil, port: nil) { app in
            try await CSVOrderImportRunner(
                database: app.regulars.database, baseCurrency: app.regulars.configuration.store.baseCurrency
            ).run(path: path, format: format, progress: progress)
        }
    }
}
