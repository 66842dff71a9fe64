import Foundation
import RegularsCore
import RegularsIngest
import SQLKit
import Testing

@testable import RegularsServer

@Suite struct CustomerImportTests {
    static func runner(_ database: Database) throws -> CSVCustomerImportRunner {
        var runner = CSVCustomerImportRunner(database: database, baseCurrency: try #require(CurrencyCode("USD")))
        runner.batchSize = 2
        return runner
    }

    static var genericMapping: GenericCustomerCSVMapping {
        var mapping = GenericCustomerCSVMapping()
        for (field, column) in [
            ("customer_id", "Client"), ("email", "Mail"), ("phone", "Mobile"), ("first_name", "Given"),
            ("last_name", "Family"), ("birthday", "Born"), ("locale", "Language"), ("time_zone", "Zone"),
            ("tags", "Labels"), ("email_consent", "Newsletter"), ("sms_consent", "Texts"),
        ] {
            _ = mapping.set(field, column: column)
        }
        return mapping
    }

    struct Consent: Decodable, Equatable {
        var channel: String
        var granted: Bool
        var source: String
    }

    static func consents(_ database: Database) async throws -> [Consent] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT channel, granted, source FROM customer_consents ORDER BY customer_id, channel, id"
            ).all(decoding: Consent.self)
        }
    }

    @Test(arguments: TestBackend.available)
    func aShopifyCustomersExportImportsOnceAndReimportingChangesNothing(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let path = try CSVImportTests.fixture("shopify_customers_export")

            let first = try await Self.runner(database).run(path: path, format: .shopifyCustomersExport)
            let stateAfterFirst = try await Self.state(database)
            let again = try await Self.runner(database).run(path: path, format: .shopifyCustomersExport)

            #expect(first.imported == 3 && first.updated == 0 && first.rejected.map(\.line) == [4, 5, 6])
            #expect(again.imported == 0 && again.updated == 0 && again.duplicates == 3)
            #expect(
                try await Self.state(database) == stateAfterFirst, "a re-import changes no row, not even updated_at")
            let identity = try await database.read { sql in
                try await sql.raw(
                    "SELECT customer_id FROM customer_identities WHERE source = 'shopify' AND external_id = '7426375557354'"
                ).first(decodingColumn: "customer_id", as: Int64.self)
            }
            #expect(identity != nil, "the Shopify customer id is an identity webhooks resolve to")
            let consents = try await Self.consents(database)
            #expect(consents.count == 4 && consents.allSatisfy { $0.source == "csv import" })
        }
    }

    @Test(arguments: TestBackend.available)
    func anImportMergesIntoTheCustomerAWebhookCreatedAndCountsItAsUpdated(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let existing = try await Sample.customer("layla.haddad@example.com", first: "L", on: database)

            let summary = try await Self.runner(database).run(
                path: try CSVImportTests.fixture("shopify_customers_export"), format: .shopifyCustomersExport)

            #expect(summary.imported == 2 && summary.updated == 1)
            let name = try await database.read { sql in
                try await sql.raw("SELECT first_name FROM customers WHERE id = \(bind: existing)")
                    .first(decodingColumn: "first_name", as: String.self)
            }
            #expect(name == "Layla")
            #expect(try await Sample.count("customers", on: database) == 3)
        }
    }

    @Test(arguments: TestBackend.available)
    func badGenericRowsAreRejectedWithTheirLineAndGoodOnesStored(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let path = try CSVImportTests.fixture("generic_customers")

            let summary = try await Self.runner(database).run(path: path, format: .generic(Self.genericMapping))

            #expect(summary.imported == 3)
            #expect(summary.rejected.map(\.line) == [4, 5, 6, 7, 8])
            #expect(summary.rejected.map(\.column) == ["Mail", "Born", "Zone", "Newsletter", "Client"])
            #expect(try await Sample.count("customers", on: database) == 3)
            struct Row: Decodable, Equatable {
                var email: String?; var phone: String?; var birthMonth: Int?; var birthDay: Int?; var locale: String?
                var timeZone: String?; var tags: String
            }
            let amira = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT c.email, c.phone, c.birth_month, c.birth_day, c.locale, c.time_zone, c.tags FROM customers c
                    JOIN customer_identities i ON i.customer_id = c.id WHERE i.source = 'csv' AND i.external_id = 'K1'
                    """
                ).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            #expect(
                amira
                    == Row(
                        email: "amira@example.com", phone: "+971507654321", birthMonth: 2, birthDay: 28, locale: "ar",
                        timeZone: "Asia/Dubai", tags: #"["gold","returning"]"#))
            let consents = try await Self.consents(database)
            #expect(consents.filter { $0.granted }.count == 2, "K1 email yes, K8 email 1")
            #expect(consents.count == 5)
        }
    }

    @Test(arguments: TestBackend.available)
    func aChangedConsentOnReimportIsAppendedToTheHistory(backend: TestBackend) async throws {
        try await withDatabase(backend) { database in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("consent-\(UUID()).csv")
            defer { try? FileManager.default.removeItem(at: file) }
            try "customer_id,email,email_consent\nZ1,z@example.com,yes\n".write(
                to: file, atomically: true, encoding: .utf8)
            _ = try await Self.runner(database).run(path: file.path, format: .generic(GenericCustomerCSVMapping()))
            try "customer_id,email,email_consent\nZ1,z@example.com,no\n".write(
                to: file, atomically: true, encoding: .utf8)

            let second = try await Self.runner(database).run(
                path: file.path, format: .generic(GenericCustomerCSVMapping()))

            #expect(second.updated == 1 && second.duplicates == 0)
            #expect(try await Self.consents(database).map(\.granted) == [true, false])
        }
    }

    /// Every customer column, identities and consents, as text, to compare whole states.
    static func state(_ database: Database) async throws -> [String] {
        try await database.read { sql in
            var rows: [String] = []
            for query in [
                "SELECT * FROM customers ORDER BY id", "SELECT * FROM customer_identities ORDER BY id",
                "SELECT * FROM customer_consents ORDER BY id",
            ] {
                for row in try await sql.raw(SQLQueryString(query)).all() {
                    rows.append(
                        row.allColumns.map { column in
                            let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                            let number = (try? row.decode(column: column, as: Int64?.self)) ?? nil
                            return "\(column)=\(text ?? number.map(String.init) ?? "null")"
                        }.joined(separator: ","))
                }
            }
            return rows
        }
    }
}
