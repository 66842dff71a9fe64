import Foundation
import RegularsCore
import RegularsIngest
import Synchronization
import Testing

@testable import RegularsServer

@Suite struct CSVImportTests {
    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/csv/\(name)", withExtension: "csv")).path
    }

    static func runner(_ database: Database) throws -> CSVOrderImportRunner {
        var runner = CSVOrderImportRunner(database: database, baseCurrency: try #require(CurrencyCode("USD")))
        runner.batchSize = 2
        return runner
    }

    @Test(arguments: TestBackend.available)
    func aShopifyExportImportsOnceAndReimportingChangesNothing(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let path = try Self.fixture("shopify_orders_export")

            let first = try await Self.runner(database).run(path: path, format: .shopifyOrdersExport)
            let again = try await Self.runner(database).run(path: path, format: .shopifyOrdersExport)

            #expect(first.imported == 2 && first.rejected.count == 2)
            #expect(again.imported == 0 && again.duplicates == 2 && again.rejected.count == 2)
            #expect(try await Sample.count("orders", on: database) == 2)
            #expect(try await Sample.count("order_lines", on: database) >= 3, "multi-line orders keep every line")
            let maintained = try await Sample.aggregates(on: database)
            _ = try await database.write { sql in try await CustomerAggregates.rebuildAll(on: sql) }
            #expect(try await Sample.aggregates(on: database) == maintained)
        }
    }

    @Test(arguments: TestBackend.available)
    func anImportInterruptedMidwayAndRunAgainLeavesNoDuplicates(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let full = try String(contentsOfFile: Self.fixture("generic_orders"), encoding: .utf8)
            let half = full.split(separator: "\n", omittingEmptySubsequences: false).prefix(6).joined(separator: "\n")
            let partial = FileManager.default.temporaryDirectory.appendingPathComponent("half-\(UUID()).csv")
            try half.write(to: partial, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: partial) }
            let generic = CSVOrderFormat.generic(GenericCSVMapping())

            _ = try await Self.runner(database).run(path: partial.path, format: generic)
            let resumed = try await Self.runner(database).run(path: Self.fixture("generic_orders"), format: generic)

            #expect(resumed.duplicates >= 1)
            #expect(try await Sample.count("orders", on: database) == resumed.imported + resumed.duplicates)
        }
    }

    @Test(arguments: TestBackend.available)
    func badRowsAreRejectedWithTheirLineAndWriteNothing(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let summary = try await Self.runner(database).run(
                path: Self.fixture("generic_orders"), format: .generic(GenericCSVMapping()))

            let lines = Set(summary.rejected.map(\.line))
            #expect(lines.isSuperset(of: [4, 5, 6]), "an impossible date, a negative total, an unknown currency")
            #expect(summary.rejected.allSatisfy { !$0.reason.isEmpty })
            #expect(try await Sample.count("orders", on: database) == summary.imported)
            let customers = try await Sample.count("customers", on: database)
            #expect(customers <= summary.imported, "a rejected order leaves no customer behind")
        }
    }

    @Test(arguments: TestBackend.available)
    func everyRejectionGoesToTheHandlerAndTheSummaryKeepsOnlyTheFirst(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let bad = (1...150).map { "c\($0),bad-\($0),2026-01-02,\"1,000.00\",USD" }
            let good = (1...3).map { "c\($0),good-\($0),2026-01-02,10.00,USD" }
            let text = (["customer_id,order_id,date,total,currency"] + good + bad + ["c9,e-1,2026-01-02,5.00,EUR"])
                .joined(separator: "\n")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("rejections-\(UUID()).csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let handled = Mutex<[Int]>([])

            let summary = try await Self.runner(database).run(
                path: path, format: .generic(GenericCSVMapping()),
                rejection: { found in
                    handled.withLock { $0.append(found.line) }
                })

            #expect(summary.imported == 3 && summary.rejectedCount == 151)
            #expect(summary.rejected.count == CSVImportSummary.keptRejections)
            #expect(summary.rejected.map(\.line) == Array(5...104), "the first ones, in order")
            #expect(handled.withLock { $0 }.sorted() == Array(5...155), "every one reached the handler")
            #expect(summary.text.hasSuffix("rejected 151"))
            #expect(try await Sample.count("orders", on: database) == 3)
        }
    }
}
