import Foundation
import RegularsCore
import RegularsIngest
import Testing

@Suite struct JSONValueTests {
    @Test func numbersKeepTheirLiteralText() throws {
        let text =
            #"{"id": 820982911946154508, "price": 25.99, "tiny": 1e-2, "neg": -0.5, "big": 12345678901234567890.125}"#

        let value = try JSONValue.parse(text: text)

        #expect(value["id"] == .number("820982911946154508"))
        #expect(value["price"] == .number("25.99"))
        #expect(value["big"] == .number("12345678901234567890.125"))
        #expect(
            value.jsonText
                == #"{"big":12345678901234567890.125,"id":820982911946154508,"neg":-0.5,"price":25.99,"tiny":1e-2}"#)
    }

    @Test func stringsDecodeEscapesSurrogatePairsAndPHPSlashes() throws {
        let text = #"["a\"b\\c\/d\n", "\u00e9\u4e2d", "\ud83d\ude00", "ok"]"#

        let value = try JSONValue.parse(text: text)

        #expect(value == .array([.string("a\"b\\c/d\n"), .string("é中"), .string("😀"), .string("ok")]))
        #expect(JSONValue.string("line\nbreak \"quoted\" \u{01}").jsonText == #""line\nbreak \"quoted\" \u0001""#)
    }

    @Test(arguments: [
        ("", "the body is empty at line 1, column 1"),
        ("{\"a\": 01}", "numbers may not have leading zeros at line 1, column 8"),
        ("[1, 2,]", "unexpected character ']' at line 1, column 7"),
        ("{\"a\": 1} x", "unexpected text after the JSON value at line 1, column 10"),
        ("\"\\ud83d\"", "unpaired UTF-16 surrogate in \\u escape at line 1, column 8"),
        ("\"tab\there\"", "control character in a string (escape it) at line 1, column 5"),
        ("{\"a\" 1}", "expected ':' after member name \"a\" at line 1, column 6"),
        ("[1.]", "a decimal point needs digits at line 1, column 4"),
        ("tru", "unexpected end of the body at line 1, column 1"),
    ])
    func malformedDocumentsNameThePosition(text: String, reason: String) {
        let error = ingestError { () throws(IngestError) in try JSONValue.parse(text: text) }

        #expect(error == IngestError(.malformedBody, field: "", reason: reason))
    }

    @Test func invalidUTF8IsMalformed() {
        let error = ingestError { () throws(IngestError) in try JSONValue.parse([0x22, 0xC3, 0x28, 0x22]) }

        #expect(error?.kind == .malformedBody)
        #expect(error?.reason.hasPrefix("string is not valid UTF-8") == true)
    }

    @Test func nestingIsLimited() {
        let deep =
            String(repeating: "[", count: JSONValue.maximumDepth + 1)
            + String(repeating: "]", count: JSONValue.maximumDepth + 1)
        let allowed =
            String(repeating: "[", count: JSONValue.maximumDepth)
            + String(repeating: "]", count: JSONValue.maximumDepth)

        let error = ingestError { () throws(IngestError) in try JSONValue.parse(text: deep) }
        let fine = ingestError { () throws(IngestError) in try JSONValue.parse(text: allowed) }

        #expect(error?.reason.hasPrefix("nesting deeper than 128 levels") == true)
        #expect(fine == nil)
    }

    @Test func byteOrderMarkIsTolerated() throws {
        let value = try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8))

        #expect(value == .object([:]))
    }

    @Test(arguments: [
        (JSONValue.number("25.99"), "USD", Int64(2599)), (.number("2.599e1"), "USD", 2599),
        (.number("2599e-2"), "USD", 2599), (.string("29.35"), "USD", 2935), (.number("-3"), "USD", -300),
        (.string("12.500"), "USD", 1250), (.number("1000"), "JPY", 1000), (.string("1.234"), "KWD", 1234),
        (.number("0.1"), "EUR", 10), (.string("+7"), "EUR", 700), (.string(".5"), "EUR", 50),
    ])
    func amountsConvertExactly(value: JSONValue, currency: String, minor: Int64) throws {
        #expect(try value.minorUnits(of: CurrencyCode(currency)!) == minor)
    }

    @Test(arguments: [
        (
            JSONValue.number("25.999"), "USD", IngestErrorKind.invalidValue,
            "25.999 has more than 2 decimal places for USD"
        ),
        (.string("12.5"), "JPY", .invalidValue, "12.5 has more than 0 decimal places for JPY"),
        (.string("1,00"), "USD", .invalidValue, "1,00 is not a decimal amount"),
        (.number("1e99"), "USD", .invalidValue, "1e99 is out of range"),
        (.bool(true), "USD", .wrongType, "expected a decimal amount (string or number), found boolean"),
    ])
    func amountsThatNeedRoundingOrAreNotNumbersAreRejected(
        value: JSONValue, currency: String, kind: IngestErrorKind, reason: String
    ) {
        let error = ingestError { () throws(IngestError) in
            try value.minorUnits(of: CurrencyCode(currency)!, field: "total")
        }

        #expect(error == IngestError(kind, field: "total", reason: reason))
    }

    @Test func fastAndReferenceDecimalParsingAgree() throws {
        // Every decimal string of this grid must give what RegularsCore's reference parser gives.
        let wholes = ["", "0", "7", "10", "123456789", "9223372036854775807", "92233720368547758"]
        let fractions = ["", ".", ".0", ".5", ".05", ".50", ".500", ".505", ".0000"]
        let signs = ["", "-", "+"]
        for sign in signs {
            for whole in wholes {
                for fraction in fractions {
                    let text = sign + whole + fraction
                    for digits in [0, 2, 3] {
                        let reference = try? Money.parseMinorUnits(text, digits: digits)
                        let viaJSON = try? JSONValue.string(text).minorUnits(of: currency(digits: digits))
                        #expect(viaJSON == reference, "\(text) with \(digits) digits")
                    }
                }
            }
        }
    }

    func currency(digits: Int) -> CurrencyCode {
        switch digits {
        case 0: CurrencyCode("JPY")!
        case 3: CurrencyCode("KWD")!
        default: CurrencyCode("USD")!
        }
    }
}
