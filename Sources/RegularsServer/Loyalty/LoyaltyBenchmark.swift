import Foundation
import NIOCore
import RegularsCore
import RegularsLoyalty
import SQLKit
import Vapor

/// `regulars bench loyalty`: mixed earn / redeem / balance traffic over HTTP on loopback against a fresh store,
/// then balance reads at a fixed arrival rate (open loop: each request's latency counts from when it was due, so a
/// slow server cannot hide its queue). Prints throughput and p50/p99 latencies.
public enum LoyaltyBenchmark {
    public struct Options: Sendable {
        public var customers: Int
        public var requests: Int
        public var concurrency: Int
        public var readRate: Int
        public var readSeconds: Int

        public init(customers: Int, requests: Int, concurrency: Int, readRate: Int, readSeconds: Int) {
            self.customers = customers
            self.requests = requests
            self.concurrency = concurrency
            self.readRate = readRate
            self.readSeconds = readSeconds
        }
    }

    enum Kind: String, CaseIterable {
        case read, earn, redeem
    }

    public static func run(databaseURL: DatabaseURL, options: Options, report: @Sendable (String) -> Void)
        async throws
    {
        try await RegularsRunner.withApplication(
            hostname: "127.0.0.1", port: 0, adjust: { $0.databaseURL = databaseURL }
        ) { app in
            app.logger.logLevel = .warning
            report("regulars bench loyalty: \(databaseURL.redacted), \(options.customers) customers")
            let (customers, rewardID, key) = try await prepare(app, customers: options.customers)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = app.http.server.shared.localAddress?.port else {
                throw ConfigurationError(variable: "bench", problem: "the server did not report its port")
            }
            app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(
                64, options.concurrency)
            app.http.client.configuration.timeout = .init(connect: .seconds(60), read: .seconds(60))
            let base = "http://127.0.0.1:\(port)/api/loyalty/customers/"
            let client = app.client
            let headers: HTTPHeaders = ["Authorization": "Bearer \(key)", "Content-Type": "application/json"]

            let send: @Sendable (Kind, Int64, Int) async -> (Kind, Duration, UInt) = { kind, customer, attempt in
                let started = ContinuousClock.now
                let status: UInt
                do {
                    switch kind {
                    case .read:
                        status = try await client.get(URI(string: base + "\(customer)"), headers: headers).status.code
                    case .earn:
                        status = try await client.post(URI(string: base + "\(customer)/adjustments"), headers: headers)
                        {
                            $0.body = ByteBuffer(string: #"{"points": 5, "reason": "bench earn"}"#)
                        }.status.code
                    case .redeem:
                        var redeemHeaders = headers
                        redeemHeaders.add(name: "Idempotency-Key", value: "bench-\(attempt)-\(UUID().uuidString)")
                        status = try await client.post(
                            URI(string: base + "\(customer)/redemptions"), headers: redeemHeaders
                        ) { $0.body = ByteBuffer(string: #"{"reward_id": \#(rewardID)}"#) }.status.code
                    }
                } catch {
                    status = 0
                }
                return (kind, ContinuousClock.now - started, status)
            }

            // Mixed, closed loop: `concurrency` clients, each sending its next request when the last one answered.
            let next = RequestCounter()
            let mixedStart = ContinuousClock.now
            let results = await withTaskGroup(of: [(Kind, Duration, UInt)].self) { group in
                for _ in 0..<options.concurrency {
                    group.addTask {
                        var mine: [(Kind, Duration, UInt)] = []
                        while true {
                            let attempt = next.take()
                            guard attempt < options.requests else { return mine }
                            let kind: Kind = attempt % 10 == 0 ? .redeem : attempt % 10 < 3 ? .earn : .read
                            mine.append(await send(kind, customers.randomElement() ?? 1, attempt))
                        }
                    }
                }
                var all: [(Kind, Duration, UInt)] = []
                for await batch in group { all += batch }
                return all
            }
            let mixedSeconds = seconds(ContinuousClock.now - mixedStart)
            report(
                String(
                    format:
                        "mixed traffic (70%% balance reads, 20%% earns, 10%% redemptions), %d clients: %d requests in %.2f s = %.0f requests/s",
                    options.concurrency, results.count, mixedSeconds, Double(results.count) / mixedSeconds))
            for kind in Kind.allCases {
                let mine = results.filter { $0.0 == kind }
                let statuses = Dictionary(grouping: mine, by: \.2).mapValues(\.count).sorted { $0.key < $1.key }
                    .map { "\($0.key == 0 ? "error" : "\($0.key)"): \($0.value)" }.joined(separator: ", ")
                report(
                    "  \(kind.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(summary(mine.map(\.1)))  [\(statuses)]"
                )
            }

            // Balance reads at a fixed arrival rate (open loop).
            let total = options.readRate * options.readSeconds
            let interval = Duration.seconds(1) / options.readRate
            let readStart = ContinuousClock.now
            let reads = await withTaskGroup(of: (Duration, UInt).self) { group in
                for index in 0..<total {
                    let due = readStart + interval * index
                    try? await Task.sleep(until: due, clock: .continuous)
                    group.addTask {
                        let (_, _, status) = await send(.read, customers.randomElement() ?? 1, index)
                        return (ContinuousClock.now - due, status)
                    }
                }
                var all: [(Duration, UInt)] = []
                for await result in group { all.append(result) }
                return all
            }
            let readSeconds = seconds(ContinuousClock.now - readStart)
            let failures = reads.filter { $0.1 != 200 }.count
            report(
                String(
                    format: "balance reads at %d/s for %d s: %.0f/s achieved, %@, %d not 200 (target: p99 < 10 ms)",
                    options.readRate, options.readSeconds, Double(reads.count) / readSeconds,
                    summary(reads.map(\.0)), failures))
            await app.server.shutdown()
            try await verify(app, customers: customers, report: report)
        }
    }

    /// Customers with 10,000 points each, a reward of 10 points, and an admin key.
    private static func prepare(_ app: Application, customers count: Int) async throws -> ([Int64], Int64, String) {
        let services = app.regulars
        var settings = LoyaltySettings.starter(for: services.configuration.store, at: Date(timeIntervalSince1970: 0))
        settings.enabled = true
        let saved = settings
        try await services.database.write { sql in try await saved.save(on: sql) }
        let run = UUID().uuidString.prefix(8).lowercased()
        var customers: [Int64] = []
        for batch in stride(from: 0, to: count, by: 200) {
            let ids = try await services.database.write { sql in
                var ids: [Int64] = []
                let writer = CustomerWriter(sql: sql)
                for index in batch..<min(count, batch + 200) {
                    let id = try await writer.resolve(
                        [], profile: CustomerInput(email: EmailAddress("bench-\(run)-\(index)@example.com")),
                        at: .now)
                    let now = Instant.now.date
                    _ = try await LoyaltyAccountWriter(sql: sql, settings: saved).post(customerID: id, at: now) {
                        try $0.planAdjustment(
                            ManualAdjustment(
                                key: .adjustment("bench-seed"), points: 10_000, actor: "bench", reason: "seed",
                                at: now), policy: saved.program.ledger)
                    }
                    ids.append(id)
                }
                return ids
            }
            customers += ids
        }
        let reward = try await LoyaltyRewardStore(
            database: services.database, currency: services.configuration.store.baseCurrency
        )
        .create(
            try LoyaltyRewardInput(name: "Bench reward", kind: "free_shipping", pointsCost: 10).validated())
        let key = try await services.apiKeys.create(scope: .admin, name: "bench-\(run)")
        return (customers, reward.id, key)
    }

    /// After the run: every ledger verifies and every stored balance equals the sum of its available entries.
    private static func verify(_ app: Application, customers: [Int64], report: @Sendable (String) -> Void)
        async throws
    {
        var broken = 0
        for customer in customers {
            let consistent = try await app.regulars.database.read { sql in
                let ledger = try await LoyaltyLedgerStore.ledger(customer, on: sql)
                let stored = try await sql.raw(
                    "SELECT balance FROM loyalty_accounts WHERE customer_id = \(bind: customer)"
                ).first(decodingColumn: "balance", as: Int64.self)
                return ledger.isConsistent && stored == ledger.balance && ledger.balance >= 0
            }
            if !consistent { broken += 1 }
        }
        report("ledgers checked: \(customers.count), inconsistent: \(broken)")
    }

    static func summary(_ durations: [Duration]) -> String {
        let sorted = durations.sorted()
        guard !sorted.isEmpty else { return "no requests" }
        func percentile(_ p: Double) -> Double {
            milliseconds(sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)])
        }
        return String(
            format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms", percentile(0.5), percentile(0.99),
            milliseconds(sorted[sorted.count - 1]))
    }

    static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
