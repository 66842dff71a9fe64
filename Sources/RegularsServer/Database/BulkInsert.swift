import Algorithms
import SQLKit

/// Multi-row INSERTs in chunks that stay under SQLite's limit of bound parameters per statement.
enum BulkInsert {
    static func insert(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], on sql: any SQLDatabase
    ) async throws {
        for chunk in chunks(rows, columns: columns.count) {
            var builder = sql.insert(into: table).columns(columns)
            for row in chunk { builder = builder.values(row.map { SQLBind($0) }) }
            try await builder.run()
        }
    }

    /// `INSERT … ON CONFLICT (conflictColumns) DO NOTHING RETURNING returning`: the rows actually inserted.
    static func insertReturning(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]], ignoringConflictsOn: [String],
        returning: [String], on sql: any SQLDatabase
    ) async throws -> [any SQLRow] {
        var stored: [any SQLRow] = []
        for chunk in chunks(rows, columns: columns.count) {
            var builder = sql.insert(into: table).columns(columns).ignoringConflicts(with: ignoringConflictsOn)
            for row in chunk { builder = builder.values(row.map { SQLBind($0) }) }
            stored += try await builder.returning(returning.map { SQLColumn($0) }).all()
        }
        return stored
    }

    private static func chunks(_ rows: [[any Encodable & Sendable]], columns: Int)
        -> ChunksOfCountCollection<[[any Encodable & Sendable]]>
    {
        rows.chunks(ofCount: max(1, 30_000 / max(1, columns)))
    }
}
