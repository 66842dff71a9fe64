import Foundation
import RegularsCore
import RegularsIngest
import SQLKit

/// Imports a customers CSV into the database in constant memory: the file streams through `RegularsIngest`'s parser
/// and customers are written in transactions of `batchSize`, each through `CustomerWriter.resolve` (the identity
/// merge every source uses). A customer whose stored facts the row would not change is counted as a duplicate and
/// left untouched, so a re-import changes nothing and an interrupted import can simply run again.
public struct CSVCustomerImportRunner: Sendable {
    /// The consent history's source for decisions read from a file.
    public static let consentSource = "csv import"

    let database: Database
    let baseCurrency: CurrencyCode
    public var batchSize = 500

    public func run(
        path: String, format: CSVCustomerFormat, progress: CSVOrderImportRunner.Progress = { _, _ in },
        rejection: CSVRejectionHandler = { _ in }
    ) async throws -> CSVImportSummary {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigurationError(variable: "FILE", problem: "cannot read \(path)")
        }
        defer { try? handle.close() }
        var summary = CSVImportSummary()
        var batch: [IngestCustomer] = []
        for try await item in CSVCustomerImport.items(handle, format: format, options: IngestOptions(now: Date())) {
            summary.rows += 1
            switch item {
            case .customer(let customer, _): batch.append(customer)
            case .rejection(let found): summary.reject(found, handler: rejection)
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

    private func write(_ batch: [IngestCustomer], into summary: inout CSVImportSummary) async throws {
        guard !batch.isEmpty else { return }
        let outcomes = try await database.write { sql in
            var outcomes: [WriteOutcome] = []
            for customer in batch { outcomes.append(try await apply(customer, on: sql)) }
            return outcomes
        }
        for outcome in outcomes {
            switch outcome {
            case .created: summary.imported += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.duplicates += 1
            }
        }
    }

    /// Resolves the customer like any source does, then compares what is stored with what was stored before: a
    /// row that changed nothing gets its `updated_at` back and counts as `unchanged`.
    func apply(_ customer: IngestCustomer, on sql: any SQLDatabase) async throws -> WriteOutcome {
        let before = try await Self.matches(customer, on: sql)
        let snapshot = before.count == 1 ? try await CustomerSnapshot.load(before[0], on: sql) : nil
        let id = try await IngestWriter(sql: sql, baseCurrency: baseCurrency).customerID(
            for: customer, email: customer.email, consentSource: Self.consentSource)
        guard let id else { throw Problem(status: .internalServerError, detail: "The customer was not stored") }
        guard !before.isEmpty else { return .created(id) }
        if let snapshot, before == [id], let after = try await CustomerSnapshot.load(id, on: sql),
            after.sameFacts(as: snapshot)
        {
            try await sql.raw("UPDATE customers SET updated_at = \(bind: snapshot.updatedAt) WHERE id = \(bind: id)")
                .run()
            return .unchanged(id)
        }
        return .updated(id)
    }

    /// The distinct customers the row's identities and email point at now.
    static func matches(_ customer: IngestCustomer, on sql: any SQLDatabase) async throws -> [Int64] {
        var ids: Set<Int64> = []
        for identity in customer.identities {
            if let id = try await sql.raw(
                """
                SELECT customer_id FROM customer_identities
                WHERE source = \(bind: identity.source.rawValue) AND external_id = \(bind: identity.value)
                """
            ).first(decodingColumn: "customer_id", as: Int64.self) {
                ids.insert(id)
            }
        }
        if let email = customer.email,
            let id = try await sql.raw("SELECT id FROM customers WHERE email = \(bind: email.value)")
                .first(decodingColumn: "id", as: Int64.self)
        {
            ids.insert(id)
        }
        return ids.sorted()
    }
}

extension RegularsRunner {
    /// `regulars import customers`: streams the file into the database and returns the summary.
    public static func importCustomers(
        path: String, format: CSVCustomerFormat, progress: @escaping CSVOrderImportRunner.Progress,
        rejection: @escaping CSVRejectionHandler = { _ in }
    ) async throws -> CSVImportSummary {
        try await withApplication(hostname: nil, port: nil) { app in
            try await CSVCustomerImportRunner(
                database: app.regulars.database, baseCurrency: app.regulars.configuration.store.baseCurrency
            ).run(path: path, format: format, progress: progress, rejection: rejection)
        }
    }
}
