import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PostgresKit
import SQLKit
import Vapor

/// `regulars bench ingest`: "Order Completed" events through the real tracking API against the same rows inserted
/// directly with SQLKit, each into a fresh database (a new SQLite file, or a new schema in the PostgreSQL database).
///
/// 1. Ingest: the server runs in-process on a loopback port; `clients` concurrent AsyncHTTPClient tasks post
///    `/v1/batch` bodies of `batchSize` messages (built before the clock starts) with an ingest key.
/// 2. Raw: the same customers, identities, events, orders and order lines as plain INSERTs, one transaction per
///    batch, from `clients` concurrent tasks; no HTTP, no JSON, no identity resolution or aggregates.
public struct IngestBenchmark: Sendable {
    public var events = 100_000
    public var batchSize = 100
    public var clients = 8
    /// One customer per this many events (each customer orders repeatedly, as regulars do).
    public var eventsPerCustomer = 5
    /// `nil`: SQLite files in the temporary directory.
    public var postgresURL: String?

    public init() {}

    struct Order: Sendable {
        var index: Int
        var user: Int
        var placedAt: Int64
    }

    public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> IngestBenchmarkResult {
        let start = Int64(Date().timeIntervalSince1970 * 1000) - 86_400_000
        let customers = max(1, events / max(1, eventsPerCustomer))
        let orders = (0..<events).map { Order(index: $0, user: $0 % customers, placedAt: start + Int64($0)) }
        let batches = stride(from: 0, to: orders.count, by: batchSize).map {
            Array(orders[$0..<min(orders.count, $0 + batchSize)])
        }
        progress("ingest: \(events) events, \(batches.count) batches of \(batchSize), \(clients) clients")
        let (ingestSeconds, latencies) = try await ingest(batches)
        progress("raw: the same rows with SQLKit")
        let rawSeconds = try await raw(batches, customers: customers)
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
        return IngestBenchmarkResult(
            backend: postgresURL == nil ? "sqlite" : "postgres", events: events, batchSize: batchSize,
            clients: clients, ingestSeconds: ingestSeconds, batchLatencyP50Milliseconds: percentile(0.5),
            batchLatencyP99Milliseconds: percentile(0.99), rawSeconds: rawSeconds)
    }

    // MARK: Ingest through HTTP

    func ingest(_ batches: [[Order]]) async throws -> (seconds: Double, latencies: [Double]) {
        let fresh = try await freshDatabase("ingest")
        let app = try await Application.make(Environment(name: "production", arguments: ["regulars"]))
        do {
            var configuration = try AppConfiguration.fromEnvironment([:])
            configuration.hostname = "127.0.0.1"
            configuration.port = 0
            app.logger.logLevel = .warning
            try await RegularsApp.configure(app, configuration: configuration, database: fresh.database)
            app.routes.defaultMaxBodySize = "1mb"
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = app.http.server.shared.localAddress?.port else {
                throw ConfigurationError(variable: "bench", problem: "the server did not report its port")
            }
            let key = try await app.regulars.apiKeys.create(scope: .ingest, name: "bench")
            let bodies = batches.map { Self.batchBody($0) }
            let url = "http://127.0.0.1:\(port)/v1/batch"
            let authorization = "Basic " + Data("\(key):".utf8).base64EncodedString()
            let next = TicketCounter()
            let started = ContinuousClock.now
            let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        var latencies: [Double] = []
                        while true {
                            let index = next.take()
                            guard index < bodies.count else { return latencies }
                            var request = HTTPClientRequest(url: url)
                            request.method = .POST
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.headers.add(name: "Authorization", value: authorization)
                            request.body = .bytes(ByteBuffer(bytes: bodies[index]))
                            let sent = ContinuousClock.now
                            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
                            let body = try await response.body.collect(upTo: 1 << 20)
                            latencies.append(Self.milliseconds(ContinuousClock.now - sent))
                            guard response.status == .ok,
                                String(buffer: body).contains("\"accepted\":\(batches[index].count)")
                            else {
                                throw ConfigurationError(
                                    variable: "bench",
                                    problem: "batch \(index): \(response.status) \(String(buffer: body).prefix(300))")
                            }
                        }
                    }
                }
                var all: [Double] = []
                for try await part in group { all += part }
                return all
            }
            let seconds = Self.milliseconds(ContinuousClock.now - started) / 1000
            let stored = try await fresh.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM orders").first(decodingColumn: "n", as: Int.self)
            }
            guard stored == batches.reduce(0, { $0 + $1.count }) else {
                throw ConfigurationError(variable: "bench", problem: "stored \(stored ?? 0) orders")
            }
            await app.server.shutdown()
            try await app.asyncShutdown()
            await fresh.cleanup()
            return (seconds, latencies)
        } catch {
            try? await app.asyncShutdown()
            await fresh.cleanup()
            throw error
        }
    }

    static func messageJSON(_ order: Order) -> String {
        """
        {"type":"track","event":"Order Completed","userId":"bench-user-\(order.user)",\
        "messageId":"bench-\(order.index)","timestamp":"\(Instant(milliseconds: order.placedAt).iso8601)",\
        "properties":{"order_id":"bench-order-\(order.index)","currency":"USD","total":27.5,"shipping":2.5,"tax":0,\
        "products":[{"product_id":"p-1","sku":"TEA-1","name":"Green tea","price":12.5,"quantity":2}]}}
        """
    }

    static func batchBody(_ orders: [Order]) -> [UInt8] {
        Array(("{\"batch\":[" + orders.map(messageJSON).joined(separator: ",") + "]}").utf8)
    }

    // MARK: Raw SQLKit inserts

    func raw(_ batches: [[Order]], customers: Int) async throws -> Double {
        let fresh = try await freshDatabase("raw")
        do {
            let database = fresh.database
            try await Migrator(database: database, migrations: Migration.all, logger: Logger(label: "bench"))
                .migrate()
            let started = ContinuousClock.now
            let userBatches = stride(from: 0, to: customers, by: batchSize).map {
                Array($0..<min(customers, $0 + batchSize))
            }
            let ids = try await concurrently(userBatches) { users in
                try await database.write { sql in
                    var ids: [(Int, Int64)] = []
                    for user in users { ids.append((user, try await Self.insertCustomer(user, on: sql))) }
                    return ids
                }
            }
            let customerIDs = Dictionary(uniqueKeysWithValues: ids.flatMap { $0 })
            _ = try await concurrently(batches) { batch in
                try await database.write { sql in
                    for order in batch {
                        try await Self.insertOrder(order, customerID: customerIDs[order.user] ?? 0, on: sql)
                    }
                    return [(Int, Int64)]()
                }
            }
            let seconds = Self.milliseconds(ContinuousClock.now - started) / 1000
            await fresh.cleanup()
            return seconds
        } catch {
            await fresh.cleanup()
            throw error
        }
    }

    /// Runs `body` over `items` from `clients` concurrent tasks.
    func concurrently<Item: Sendable>(
        _ items: [Item], _ body: @escaping @Sendable (Item) async throws -> [(Int, Int64)]
    ) async throws -> [[(Int, Int64)]] {
        let next = TicketCounter()
        return try await withThrowingTaskGroup(of: [[(Int, Int64)]].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var results: [[(Int, Int64)]] = []
                    while true {
                        let index = next.take()
                        guard index < items.count else { return results }
                        results.append(try await body(items[index]))
                    }
                }
            }
            var all: [[(Int, Int64)]] = []
            for try await part in group { all += part }
            return all
        }
    }

    static func insertCustomer(_ user: Int, on sql: any SQLDatabase) async throws -> Int64 {
        let now = Instant.now.milliseconds
        let id = try await sql.raw(
            """
            INSERT INTO customers (created_at, updated_at, search_text) VALUES (\(bind: now), \(bind: now), '')
            RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self)
        guard let id else { throw ConfigurationError(variable: "bench", problem: "no customer id") }
        try await sql.raw(
            """
            INSERT INTO customer_identities (customer_id, source, external_id, created_at)
            VALUES (\(bind: id), 'segment_user_id', \(bind: "bench-user-\(user)"), \(bind: now))
            """
        ).run()
        return id
    }

    static let properties =
        #"{"order_id":"bench-order","currency":"USD","total":27.5,"shipping":2.5,"tax":0,"products":[{"product_id":"p-1","sku":"TEA-1","name":"Green tea","price":12.5,"quantity":2}]}"#

    static func insertOrder(_ order: Order, customerID: Int64, on sql: any SQLDatabase) async throws {
        let now = Instant.now.milliseconds
        try await sql.raw(
            """
            INSERT INTO events (message_id, type, customer_id, properties, occurred_at, received_at, source)
            VALUES (\(bind: "bench-\(order.index)"), 'Order Completed', \(bind: customerID), \(bind: properties),
                \(bind: order.placedAt), \(bind: now), 'segment')
            """
        ).run()
        let orderID = try await sql.raw(
            """
            INSERT INTO orders (source, external_id, customer_id, placed_at, currency, subtotal_minor, discount_minor,
                shipping_minor, tax_minor, total_minor, base_currency, base_subtotal_minor, base_discount_minor,
                base_shipping_minor, base_tax_minor, base_total_minor, financial_status, fulfillment_status,
                source_updated_at, created_at, updated_at)
            VALUES ('segment', \(bind: "bench-order-\(order.index)"), \(bind: customerID), \(bind: order.placedAt), 'USD',
                2500, 0, 250, 0, 2750, 'USD', 2500, 0, 250, 0, 2750, 'paid', 'unfulfilled', \(bind: order.placedAt),
                \(bind: now), \(bind: now))
            RETURNING id
            """
        ).first(decodingColumn: "id", as: Int64.self)
        try await sql.raw(
            """
            INSERT INTO order_lines (order_id, position, external_id, sku, title, quantity, unit_price_minor,
                discount_minor, total_minor)
            VALUES (\(bind: orderID), 0, 'p-1', 'TEA-1', 'Green tea', 2, 1250, 0, 2500)
            """
        ).run()
    }

    // MARK: Fresh databases

    struct FreshDatabase: Sendable {
        let database: Database
        let cleanup: @Sendable () async -> Void
    }

    func freshDatabase(_ label: String) async throws -> FreshDatabase {
        let logger = Logger(label: "bench.\(label)")
        if let postgresURL {
            let schema =
                "bench_\(label)_"
                + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
                .lowercased()
            let admin = try Database.open(.postgres(url: postgresURL), maxConnections: 1, logger: logger)
            try await admin.read { sql in try await sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            var configuration = try SQLPostgresConfiguration(url: postgresURL)
            configuration.searchPath = [schema]
            let database = try Database.pooledPostgres(
                configuration, maxConnections: max(8, clients * 2), logger: logger)
            return FreshDatabase(database: database) {
                try? await database.shutdown()
                try? await admin.read { sql in try await sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run() }
                try? await admin.shutdown()
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "regulars-bench-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try Database.open(
            .sqlite(path: directory.appendingPathComponent("bench.sqlite").path), maxConnections: 8, logger: logger)
        return FreshDatabase(database: database) {
            try? await database.shutdown()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

extension RegularsRunner {
    /// `regulars bench ingest`.
    public static func benchIngest(_ benchmark: IngestBenchmark, progress: @escaping @Sendable (String) -> Void)
        async throws -> IngestBenchmarkResult
    {
        try await benchmark.run(progress: progress)
    }
}
