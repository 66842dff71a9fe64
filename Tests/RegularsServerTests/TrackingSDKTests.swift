import Foundation
import RegularsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// The official Segment and RudderStack Python SDKs (Tests/Clients/send_tracking_calls.py) as real clients of a
/// live server: identify, browsing, an order and a partial refund arrive once, on the right customer. Skipped where
/// the SDKs are not installed, unless REGULARS_TEST_REQUIRE_CLIENTS=1 (CI) makes that a failure.
@Suite struct TrackingSDKTests {
    static let environment = ProcessInfo.processInfo.environment
    static let required = environment["REGULARS_TEST_REQUIRE_CLIENTS"] == "1"
    static let available: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import segment.analytics, rudderstack.analytics"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test func theClientsAreInstalledWhereTheyAreRequired() {
        #expect(Self.available || !Self.required, "segment-analytics-python and rudder-sdk-python are required here")
    }

    @Test(.enabled(if: available), arguments: ["segment", "rudderstack"])
    func theOfficialSDKDeliversIdentifyOrderAndRefundOnce(sdk: String) async throws {
        try await withTestApp(.sqlite) { app in
            let key = try await app.regulars.apiKeys.create(scope: .ingest, name: sdk)
            let port = try await app.startOnLoopback()
            let script = BrowserTests.packageRoot.appendingPathComponent("Tests/Clients/send_tracking_calls.py").path

            let first = await ChildProcess.run([
                "python3", script, sdk, "http://127.0.0.1:\(port)", key, "\(sdk)-order-1",
            ])
            // The same facts again, as a store re-sending after a crash: new message ids, same order and refund.
            let again = await ChildProcess.run([
                "python3", script, sdk, "http://127.0.0.1:\(port)", key, "\(sdk)-order-1",
            ])
            await app.server.shutdown()

            #expect(first.status == 0, "\(first.output)")
            #expect(again.status == 0, "\(again.output)")
            let database = app.regulars.database
            struct Facts: Decodable {
                var customers: Int; var orders: Int; var lines: Int; var refunds: Int; var refunded: Int64
                var events: Int; var anonymousEventsOnCustomer: Int
            }
            let facts = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM orders) AS orders,
                        (SELECT COUNT(*) FROM order_lines) AS lines, (SELECT COUNT(*) FROM refunds) AS refunds,
                        (SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) FROM refunds) AS refunded,
                        (SELECT COUNT(*) FROM events) AS events,
                        (SELECT COUNT(*) FROM events WHERE type = 'Product Viewed' AND customer_id IS NOT NULL)
                            AS anonymous_events_on_customer
                    """
                ).first(decoding: Facts.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            let found = try #require(facts)
            #expect(found.customers == 1)
            #expect(found.orders == 1 && found.lines == 1)
            #expect(found.refunds == 1 && found.refunded == 1_250)
            #expect(found.anonymousEventsOnCustomer == 2, "each run's anonymous Product Viewed joins the customer")
            let name = try await database.read { sql in
                try await sql.raw("SELECT first_name FROM customers").first(
                    decodingColumn: "first_name", as: String.self)
            }
            #expect(name == "ليلى")
        }
    }
}
