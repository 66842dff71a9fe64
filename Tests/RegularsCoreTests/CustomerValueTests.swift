import Foundation
import RegularsCore
import Testing

@Suite struct CustomerValueTests {
    @Test func emailIsNormalised() {
        #expect(EmailAddress("  Layla.Haddad@Example.COM ")?.value == "layla.haddad@example.com")
        #expect(EmailAddress("no-at-sign.example.com") == nil)
        #expect(EmailAddress("a@b") == nil)
        #expect(EmailAddress("a b@example.com") == nil)
    }

    @Test(arguments: [
        ("+1 (415) 555-0100", "+14155550100"), ("00971 50 123 4567", "+971501234567"),
        ("+86 138 0013 8000", "+8613800138000"),
    ])
    func phoneBecomesE164(text: String, expected: String) {
        #expect(PhoneNumber(text)?.e164 == expected)
    }

    @Test(arguments: ["415 555 0100", "+0 123 456 789", "+1 555", "+1 555 CALL NOW"])
    func phoneWithoutCountryIsRejected(text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test func leapDayBirthdayIsCelebratedOnFebruary28InCommonYears() throws {
        let birthday = try #require(Birthday(month: 2, day: 29, year: 2000))

        #expect(birthday.celebration(in: 2027) == LocalDate(year: 2027, month: 2, day: 28))
        #expect(birthday.celebration(in: 2028) == LocalDate(year: 2028, month: 2, day: 29))
    }

    @Test func birthdayParsesWithAndWithoutYear() {
        #expect(Birthday(parsing: "1990-07-04") == Birthday(month: 7, day: 4, year: 1990))
        #expect(Birthday(parsing: "--12-25") == Birthday(month: 12, day: 25))
        #expect(Birthday(parsing: "2023-02-29") == nil)
        #expect(Birthday(parsing: "13-01") == nil)
        #expect(Birthday(month: 2, day: 29)?.isoString == "--02-29")
    }

    @Test func localDateFollowsTheCustomersTimeZone() throws {
        let instant = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let newYork = try #require(StoreTimeZone.named("America/New_York"))
        let riyadh = try #require(StoreTimeZone.named("Asia/Riyadh"))

        #expect(LocalDate(instant, in: newYork) == LocalDate(year: 2025, month: 12, day: 31))
        #expect(LocalDate(instant, in: riyadh) == LocalDate(year: 2026, month: 1, day: 1))
        #expect(StoreTimeZone.named("Mars/Olympus") == nil)
    }

    @Test func startOfDayAcrossASpringForwardGap() throws {
        let newYork = try #require(StoreTimeZone.named("America/New_York"))

        let start = LocalDate(year: 2026, month: 3, day: 8).startOfDay(in: newYork)

        #expect(start == Date(timeIntervalSince1970: 1_772_946_000))  // 2026-03-08T05:00:00Z
        #expect(LocalDate(start, in: newYork) == LocalDate(year: 2026, month: 3, day: 8))
    }

    @Test func acceptLanguagePicksTheHighestWeightedSupportedLocale() {
        #expect(SupportedLocale.negotiate(acceptLanguage: "fr-FR, ar-SA;q=0.8, en;q=0.5") == .ar)
        #expect(SupportedLocale.negotiate(acceptLanguage: "zh-CN,zh;q=0.9") == .zh)
        #expect(SupportedLocale.negotiate(acceptLanguage: "de, fr") == nil)
        #expect(SupportedLocale.ar.isRightToLeft && !SupportedLocale.zh.isRightToLeft)
    }
}

@Suite struct PersonNameTests {
    @Test func chineseNamesPutTheFamilyNameFirst() {
        #expect(PersonName.display(first: "伟", last: "王") == "王伟")
        #expect(PersonName.display(first: "ليلى", last: "حداد") == "ليلى حداد")
        #expect(PersonName.display(first: "Ada", last: "Lovelace") == "Ada Lovelace")
        #expect(PersonName.display(first: nil, last: "Lovelace") == "Lovelace")
    }
}
