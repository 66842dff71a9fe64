import SQLKit
import SQLiteKit
import Synchronization

extension AnalyticsRefresher {
    /// Customers per packed value on PostgreSQL.
    private static let aggregatesPerPack = 4_096

    private static let aggregateColumns = [
        "id", "order_count", "order_days", "first_order_at", "last_order_at", "net_revenue_minor",
        "first_order_net_minor",
    ]

    private static let aggregateFilter =
        "order_count > 0 AND first_order_at IS NOT NULL AND last_order_at IS NOT NULL AND redacted_at IS NULL"

    /// The aggregates of every customer with an order who is not redacted, by id: two halves of the ids read side by
    /// side on two connections.
    ///
    /// A million rows through the row decoder took seconds, so neither database returns rows: SQLite hands each row's
    /// seven integers to a function registered for the query (`collectAggregates`), PostgreSQL packs the integers of
    /// up to `aggregatesPerPack` customers into one text value (`id,orders,days,first,last,net,first_net;…`).
    static func loadAggregates(from database: Database) async throws -> [AggregateRow] {
        let bounds = try await database.read { sql in
            try await sql.raw("SELECT min(id) AS low, max(id) AS high FROM customers")
                .first(decoding: IDBounds.self)
        }
        guard let low = bounds?.low, let high = bounds?.high else { return [] }
        let middle = low + (high - low) / 2
        async let firstHalf = database.read { sql, driver in
            try await loadAggregates(ids: low...middle, on: sql, driver: driver)
        }
        let secondHalf = try await database.read { sql, driver in
            try await loadAggregates(ids: (middle + 1)...max(middle + 1, high), on: sql, driver: driver)
        }
        var rows = try await firstHalf + secondHalf
        if !zip(rows, rows.dropFirst()).allSatisfy({ $0.id < $1.id }) { rows.sort { $0.id < $1.id } }
        return rows
    }

    private struct IDBounds: Decodable {
        var low: Int64?
        var high: Int64?
    }

    private static func loadAggregates(ids: ClosedRange<Int64>, on sql: any SQLDatabase, driver: DriverConnection)
        async throws -> [AggregateRow]
    {
        let filter = "\(aggregateFilter) AND id BETWEEN \(ids.lowerBound) AND \(ids.upperBound)"
        switch driver {
        case .sqlite(let connection): return try await collectAggregates(filter: filter, on: connection)
        case .postgres: return try await packedAggregates(filter: filter, on: sql)
        }
    }

    /// Runs one aggregate query whose only output is a call per row of a function that appends the row to an array:
    /// SQLite's own integers go straight into `AggregateRow`s, with no rows, text or futures in between.
    private static func collectAggregates(filter: String, on connection: SQLiteConnection) async throws
        -> [AggregateRow]
    {
        let collected = Mutex<[AggregateRow]>([])
        let function = SQLiteCustomFunction("regulars_collect_aggregate", argumentCount: 7) { values in
            func int(_ index: Int) -> Int64 { values[index].integer.map(Int64.init) ?? 0 }
            let row = AggregateRow(
                id: int(0), orderCount: Int(int(1)), orderDays: Int(int(2)), firstOrderAt: int(3),
                lastOrderAt: int(4), netRevenueMinor: int(5), firstOrderNetMinor: int(6))
            collected.withLock { $0.append(row) }
            return nil
        }
        try await connection.install(customFunction: function)
        do {
            _ = try await connection.query(
                "SELECT count(regulars_collect_aggregate(\(aggregateColumns.joined(separator: ", ")))) FROM customers "
                    + "WHERE \(filter)")
        } catch {
            try? await connection.uninstall(customFunction: function)
            throw error
        }
        try await connection.uninstall(customFunction: function)
        return collected.withLock { rows in
            defer { rows = [] }
            return rows
        }
    }

    private static func packedAggregates(filter: String, on sql: any SQLDatabase) async throws -> [AggregateRow] {
        let packed = "string_agg(concat_ws(',', " + aggregateColumns.joined(separator: ", ") + "), ';')"
        let packs = try await sql.raw(
            """
            SELECT \(unsafeRaw: packed) AS packed FROM customers WHERE \(unsafeRaw: filter)
            GROUP BY id / \(literal: aggregatesPerPack)
            """
        ).all(decodingColumn: "packed", as: String.self)
        var rows: [AggregateRow] = []
        rows.reserveCapacity(packs.count * aggregatesPerPack)
        for pack in packs { parse(pack, into: &rows) }
        return rows
    }

    /// Appends the rows of one packed value.
    static func parse(_ pack: String, into rows: inout [AggregateRow]) {
        var values = [Int64](repeating: 0, count: 7)
        var field = 0
        var current: Int64 = 0
        var negative = false
        func finishField() {
            if field < 7 { values[field] = negative ? -current : current }
            field += 1
            current = 0
            negative = false
        }
        func finishRow() {
            finishField()
            if field == 7 {
                rows.append(
                    AggregateRow(
                        id: values[0], orderCount: Int(values[1]), orderDays: Int(values[2]), firstOrderAt: values[3],
                        lastOrderAt: values[4], netRevenueMinor: values[5], firstOrderNetMinor: values[6]))
            }
            field = 0
        }
        var any = false
        for byte in pack.utf8 {
            any = true
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): current = current &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: ","): finishField()
            case UInt8(ascii: ";"): finishRow()
            default: break
            }
        }
        if any { finishRow() }
    }
}
