import RegularsCore
import SQLKit
import Testing

@testable import RegularsServer

@Suite struct CustomerWriterTests {
    @Test(arguments: TestBackend.available)
    func twoTransactionsMeetingTheSameNewIdentityLeaveOneCustomer(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            // Setup: transaction A resolves a new identity and stays open.
            let identity = CustomerIdentity(source: .segmentUserID, externalID: "user-race")
            let (resolved, resolvedSignal) = AsyncStream.makeStream(of: Int64.self)
            let (release, releaseSignal) = AsyncStream.makeStream(of: Void.self)
            async let first = database.write { sql in
                let id = try await CustomerWriter(sql: sql).resolve([identity], profile: CustomerInput(), at: .now)
                resolvedSignal.yield(id)
                for await _ in release { break }
                return id
            }
            var firstID: Int64?
            for await id in resolved {
                firstID = id
                break
            }

            // Action: transaction B resolves the same identity (on PostgreSQL it finds nothing, creates a customer
            // and waits on the identity's key); then A commits.
            async let second = database.write { sql in
                try await CustomerWriter(sql: sql).resolve([identity], profile: CustomerInput(), at: .now)
            }
            try await Task.sleep(for: .milliseconds(300))
            releaseSignal.yield()
            let (a, b) = try await (first, second)

            // Check: one customer, holding the identity.
            #expect(a == firstID)
            #expect(try await Sample.count("customers", on: database) == 1)
            let owners = try await database.read { sql in
                try await sql.raw(
                    "SELECT customer_id FROM customer_identities WHERE external_id = 'user-race'"
                ).all(decodingColumn: "customer_id", as: Int64.self)
            }
            #expect(owners == [b])
        }
    }

    @Test(arguments: TestBackend.available)
    func identitiesFromSeveralSourcesResolveToOneCustomer(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let shopify = CustomerIdentity(source: .shopify, externalID: "207119551")
            let segment = CustomerIdentity(source: .segmentUserID, externalID: "user-42")
            let fromShopify = try await Sample.customer("bob@example.com", identities: [shopify], on: database)
            let fromSegment = try await Sample.customer("BOB@Example.com ", identities: [segment], on: database)

            #expect(fromShopify == fromSegment)
            #expect(try await Sample.count("customers", on: database) == 1)
            #expect(try await Sample.count("customer_identities", on: database) == 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func twoCustomersThatTurnOutToBeOnePersonAreMergedWithTheirOrders(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let anonymous = CustomerIdentity(source: .anonymousID, externalID: "anon-1")
            let user = CustomerIdentity(source: .segmentUserID, externalID: "user-1")
            let first = try await Sample.customer(
                "wang@example.com", first: "伟", last: "王", identities: [anonymous], on: database)
            let second = try await Sample.customer("other@example.com", identities: [user], on: database)
            _ = try await Sample.upsert(Sample.order("a", customerID: first, totalMinor: 1_000), on: database)
            _ = try await Sample.upsert(
                Sample.order("b", customerID: second, totalMinor: 2_000, daysAfterStart: 3), on: database)

            let merged = try await database.write { sql in
                try await CustomerWriter(sql: sql).resolve(
                    [anonymous, user], profile: CustomerInput(), at: Sample.start)
            }

            #expect(merged == min(first, second))
            #expect(try await Sample.count("customers", on: database) == 1)
            let aggregates = try #require(try await Sample.aggregates(on: database).first)
            #expect(aggregates.orderCount == 2 && aggregates.netRevenueMinor == 3_000)
            let search = try await database.read { sql in
                try await sql.raw("SELECT search_text FROM customers").first(
                    decodingColumn: "search_text", as: String.self)
            }
            #expect(search?.contains("王伟") == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func consentHistoryAppendsOnlyChanges(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let id = try await Sample.customer("c@example.com", on: database)

            try await database.write { sql in
                let writer = CustomerWriter(sql: sql)
                try await writer.recordConsent(
                    customerID: id, channel: .sms, granted: true, at: Sample.start, source: "shopify")
                try await writer.recordConsent(
                    customerID: id, channel: .sms, granted: true, at: Sample.start, source: "shopify")
                try await writer.recordConsent(
                    customerID: id, channel: .sms, granted: false,
                    at: Instant(milliseconds: Sample.start.milliseconds + Sample.day), source: "reply STOP")
            }

            let history = try await CustomerRepository(database: database).consentHistory(of: id)
            #expect(history.map(\.granted) == [1, 0])
            #expect(history.last?.source == "reply STOP")
        }
    }
}
