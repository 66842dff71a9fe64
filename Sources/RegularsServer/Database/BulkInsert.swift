import SQLKit

/// Multi-row INSERTs in chunks that stay under SQLite's limit of bound parameters per statement.
enum BulkInsert {
    static func insert(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], on sql: any SQLDatabase
    ) async throws {
        guard !rows.isEmpty else { return }
        let rowsPerStatement = max(1, 30_000 / max(1, columns.count))
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + rowsPerStatement)]
            var builder = sql.insert(into: table).columns(columns)
            for row in chunk { builder = builder.values(row.map { SQLBind($0) }) }
            try await builder.run()
            start += rowsPerStatement
        }
    }
}
