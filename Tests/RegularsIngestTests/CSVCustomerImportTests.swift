import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct CSVCustomerImportTests {
    func customers(_ items: [CSVCustomerItem]) -> [(IngestCustomer, Int)] {
        items.compactMap {
            guard case .customer(let customer, let line) = $0 else { return nil }
            return (customer, line)
        }
    }

    func rejections(_ items: [CSVCustomerItem]) -> [CSVRejection] {
        items.compactMap {
            guard case .rejection(let rejection) = $0 else { return nil }
            return rejection
        }
    }

    @Test func shopifyExportRowsBecomeCustomersWithIdentitiesConsentAndTags() throws {
        let text = Fixture.text("csv/shopify_customers_export.csv")

        let items = try CSVCustomerImport.items(in: text, format: .shopifyCustomersExport, options: Instant.options)

        let customers = customers(items)
        #expect(customers.map(\.1) == [2, 3, 7])
        let layla = try #require(customers.first?.0)
        #expect(layla.identities == [.init(.shopify, "7426375557354"), .init(.email, "layla.haddad@example.com")])
        #expect(layla.firstName == "Layla" && layla.lastName == "Haddad")
        #expect(layla.phone?.e164 == "+971501234567", "the export's leading apostrophe is not part of the number")
        #expect(layla.tags == ["VIP", "newsletter"])
        #expect(layla.address?.city == "Dubai" && layla.address?.countryCode == "AE")
        #expect(layla.consents.map(\.channel) == [.email, .sms])
        #expect(layla.consents.map(\.granted) == [true, false])
        #expect(layla.consents.allSatisfy { $0.at == Instant.testNow && $0.source == .csv })
        let ana = customers[2].0
        #expect(ana.phone?.e164 == "+34600123456" && ana.consents.map(\.granted) == [true])
        #expect(ana.consents.first?.channel == .sms, "a blank email consent reports nothing")
    }

    @Test func shopifyRowsWithoutAnIdentityOrWithBadCellsAreRejectedWithLineAndColumn() throws {
        let text = Fixture.text("csv/shopify_customers_export.csv")

        let items = try CSVCustomerImport.items(in: text, format: .shopifyCustomersExport, options: Instant.options)

        let rejected = rejections(items)
        #expect(rejected.map(\.line) == [4, 5, 6])
        #expect(rejected.map(\.column) == ["Email", "Customer ID", "Accepts Email Marketing"])
        #expect(rejected[0].orderReference == "7426375557356", "a rejection names the customer it belongs to")
    }

    @Test func genericMappingReadsEveryFieldAndRejectsBadCells() throws {
        var mapping = GenericCustomerCSVMapping()
        for (field, column) in [
            ("customer_id", "Client"), ("email", "Mail"), ("phone", "Mobile"), ("first_name", "Given"),
            ("last_name", "Family"), ("birthday", "Born"), ("locale", "Language"), ("time_zone", "Zone"),
            ("tags", "Labels"), ("email_consent", "Newsletter"), ("sms_consent", "Texts"),
        ] {
            let known = mapping.set(field, column: column)
            #expect(known, "\(field)")
        }
        let unknown = mapping.set("shoe_size", column: "Size")
        #expect(!unknown)

        let items = try CSVCustomerImport.items(
            in: Fixture.text("csv/generic_customers.csv"), format: .generic(mapping), options: Instant.options)

        let customers = customers(items).map(\.0)
        #expect(customers.compactMap { $0.identity(.csv) } == ["K1", "K2", "K8"])
        let amira = try #require(customers.first)
        #expect(amira.birthday == Birthday(month: 2, day: 28, year: 1990))
        #expect(amira.supportedLocale == .ar && amira.timeZoneIdentifier == "Asia/Dubai")
        #expect(amira.phone?.e164 == "+971507654321" && amira.tags == ["gold", "returning"])
        #expect(customers[1].birthday == Birthday(month: 7, day: 14) && customers[1].consents.count == 1)
        let rejected = rejections(items)
        #expect(rejected.map(\.line) == [4, 5, 6, 7, 8])
        #expect(rejected.map(\.column) == ["Mail", "Born", "Zone", "Newsletter", "Client"])
        #expect(rejected.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func aGenericHeaderWithoutIdAndEmailColumnsIsRefused() {
        let error = #expect(throws: IngestError.self) {
            _ = try CSVCustomerImport.items(
                in: "name,phone\nAnn,+14155550100\n", format: .generic(GenericCustomerCSVMapping()),
                options: Instant.options)
        }
        #expect(error?.kind == .missingField)
    }
}
