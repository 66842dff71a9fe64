import Foundation
import RegularsDemo
import Testing

struct DemoStoreCustomerTests {
    private static let timeZones: [String: Set<String>] = [
        "en": [
            "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Toronto", "Europe/London",
            "Australia/Sydney",
        ],
        "ar": ["Asia/Riyadh", "Asia/Dubai", "Africa/Cairo", "Asia/Kuwait"],
        "zh": ["Asia/Shanghai", "Asia/Taipei", "Asia/Singapore", "Asia/Hong_Kong"],
    ]
    private static let callingCodes: [String: String] = [
        "US": "+1", "CA": "+1", "GB": "+44", "AU": "+61", "SA": "+966", "AE": "+971", "EG": "+20", "KW": "+965",
        "CN": "+86", "TW": "+886", "SG": "+65", "HK": "+852",
    ]

    @Test func atLeastFiveThousandCustomersInThreeLanguages() {
        // Setup
        let customers = DemoStoreFixture.standard.customers

        // Action
        let share = { (locale: String) in
            Double(customers.filter { $0.locale == locale }.count) / Double(customers.count)
        }

        // Check
        #expect(customers.count >= 5_000)
        #expect((0.4...0.6).contains(share("en")))
        #expect((0.18...0.32).contains(share("ar")))
        #expect((0.18...0.32).contains(share("zh")))
        #expect(Set(customers.map(\.externalID)).count == customers.count)
        #expect(customers.first?.externalID == "demo-c-00001")
    }

    @Test func namesAreWrittenInTheirOwnScript() {
        // Setup
        let customers = DemoStoreFixture.standard.customers
        let arabic = { (text: String) in text.unicodeScalars.allSatisfy { (0x0600...0x06FF).contains($0.value) } }
        let han = { (text: String) in text.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }
        let latin = { (text: String) in
            text.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || $0 == "'" }
        }

        // Action
        let wrongScript = customers.filter { customer in
            let names = [customer.firstName, customer.lastName]
            switch customer.locale {
            case "ar": return !names.allSatisfy { !$0.isEmpty && arabic($0) }
            case "zh": return !names.allSatisfy { !$0.isEmpty && han($0) }
            default: return !names.allSatisfy { !$0.isEmpty && latin($0) }
            }
        }

        // Check
        #expect(wrongScript.isEmpty, "\(wrongScript.prefix(3).map { $0.firstName + " " + $0.lastName })")
        #expect(Set(customers.map(\.locale)) == ["en", "ar", "zh"])
    }

    @Test func timeZonesAndPhonesMatchTheLocale() throws {
        // Setup
        let customers = DemoStoreFixture.standard.customers
        let e164 = #/^\+[1-9][0-9]{6,14}$/#

        // Action
        let badZones = customers.filter { !(Self.timeZones[$0.locale] ?? []).contains($0.timeZone) }
        let phones = customers.compactMap(\.phone)
        let badPhones = phones.filter { (try? e164.wholeMatch(in: $0)) == nil }
        let wrongCountry = customers.filter { customer in
            guard let phone = customer.phone, let code = Self.callingCodes[customer.countryCode] else { return false }
            return !phone.hasPrefix(code)
        }

        // Check
        #expect(badZones.isEmpty)
        #expect(badPhones.isEmpty, "\(badPhones.prefix(3))")
        #expect(wrongCountry.isEmpty)
        #expect(Set(phones).count == phones.count)
        #expect(phones.count < customers.count && phones.count > customers.count / 2)
        #expect(Set(customers.map(\.timeZone)).count >= 11)
    }

    @Test func emailsAreUniqueLowercaseASCII() {
        // Setup
        let customers = DemoStoreFixture.standard.customers
        let email = #/^[a-z0-9._]+@example\.(com|net|org)$/#

        // Action
        let emails = customers.map(\.email)
        let malformed = emails.filter { (try? email.wholeMatch(in: $0)) == nil }

        // Check
        #expect(Set(emails).count == emails.count)
        #expect(malformed.isEmpty, "\(malformed.prefix(3))")
    }

    @Test func birthdaysAreValidAndIncludeLeapDays() {
        // Setup
        let customers = DemoStoreFixture.standard.customers

        // Action
        let withBirthday = customers.filter { $0.birthMonth != nil }
        let leapDays = withBirthday.filter { $0.birthMonth == 2 && $0.birthDay == 29 }
        let invalid = withBirthday.filter { customer in
            guard let month = customer.birthMonth, let day = customer.birthDay else { return true }
            var components = DateComponents(year: customer.birthYear ?? 2024, month: month, day: day)
            components.calendar = Calendar(identifier: .gregorian)
            components.timeZone = TimeZone(identifier: "UTC")
            return !components.isValidDate
        }

        // Check
        #expect((0.62...0.78).contains(Double(withBirthday.count) / Double(customers.count)))
        #expect(!leapDays.isEmpty)
        #expect(withBirthday.contains { $0.birthYear == nil })
        #expect(withBirthday.contains { $0.birthYear != nil })
        #expect(invalid.isEmpty)
        #expect(customers.allSatisfy { ($0.birthMonth == nil) == ($0.birthDay == nil) })
        #expect(customers.allSatisfy { $0.birthYear == nil || ($0.birthYear! >= 1940 && $0.birthYear! <= 2010) })
    }

    @Test func consentAndTagsHaveRealisticProportions() {
        // Setup
        let customers = DemoStoreFixture.standard.customers
        let share = { (predicate: (DemoCustomer) -> Bool) in
            Double(customers.filter(predicate).count) / Double(customers.count)
        }

        // Action
        let email = share { $0.emailConsent }
        let sms = share { $0.smsConsent }
        let whatsapp = share { $0.whatsappConsent }
        let tags = Set(customers.flatMap(\.tags))

        // Check
        #expect((0.45...0.8).contains(email))
        #expect((0.08...0.35).contains(sms))
        #expect((0.03...0.3).contains(whatsapp))
        #expect(customers.allSatisfy { $0.phone != nil || (!$0.smsConsent && !$0.whatsappConsent) })
        #expect(tags == ["newsletter", "vip", "wholesale"])
        #expect(customers.allSatisfy { $0.tags == $0.tags.sorted() })
        #expect((0.01...0.1).contains(share { $0.tags.contains("vip") }))
        #expect(Set(customers.map(\.referralCode)).count == customers.count)
    }
}
