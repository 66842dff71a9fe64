import RegularsCore
import Testing

@Suite struct MoneyTests {
    @Test func currenciesKnowTheirMinorUnits() throws {
        let usd = try #require(CurrencyCode("usd"))
        let jpy = try #require(CurrencyCode("JPY"))
        let kwd = try #require(CurrencyCode("KWD"))

        #expect(usd.minorUnitDigits == 2 && usd.code == "USD")
        #expect(jpy.minorUnitDigits == 0)
        #expect(kwd.minorUnitDigits == 3 && kwd.minorUnitsPerMajor == 1000)
        #expect(CurrencyCode("XYZ") == nil)
    }

    @Test(arguments: [
        ("12.50", "USD", Int64(1250)), ("0.1", "USD", 10), ("-3", "USD", -300), ("1500", "JPY", 1500),
        ("1.234", "KWD", 1234), ("12.500", "USD", 1250), (" 7.05 ", "EUR", 705), (".5", "USD", 50),
    ])
    func parsesDecimalsExactly(text: String, code: String, expected: Int64) throws {
        let currency = try #require(CurrencyCode(code))

        let money = try Money.parse(text, currency: currency)

        #expect(money.minorUnits == expected)
    }

    @Test(arguments: ["12.345", "1.5e2", "abc", "", "-", "1,000.00", "12.3.4"])
    func rejectsWhatWouldNeedRounding(text: String) throws {
        let usd = try #require(CurrencyCode("USD"))

        #expect(throws: MoneyParsingError.self) { try Money.parse(text, currency: usd) }
    }

    @Test func formatsMinorUnitsAsDecimals() throws {
        let usd = try #require(CurrencyCode("USD"))
        let jpy = try #require(CurrencyCode("JPY"))

        #expect(Money(minorUnits: 1205, currency: usd).decimalString == "12.05")
        #expect(Money(minorUnits: -5, currency: usd).decimalString == "-0.05")
        #expect(Money(minorUnits: 1500, currency: jpy).decimalString == "1500")
    }

    @Test func parsingFortyTwoPointOneNeverGoesThroughDouble() throws {
        let usd = try #require(CurrencyCode("USD"))

        let money = try Money.parse("92233720368547758.07", currency: usd)

        #expect(money.minorUnits == Int64.max)
    }
}
