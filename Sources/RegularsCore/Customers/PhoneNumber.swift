/// A phone number in E.164 form: `+`, a country code and subscriber number, 8 to 15 digits in all.
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let e164: String

    /// Accepts international notation with spaces, dots, dashes and parentheses ("+1 (415) 555-0100", "00971 50…");
    /// `nil` for anything that is not an international number.
    public init?(_ text: String) {
        var digits = ""
        var international = false
        for (index, character) in text.trimmingSpaces().enumerated() {
            if character == "+", index == 0 {
                international = true
            } else if character.isASCII, character.isNumber {
                digits.append(character)
            } else if !" .-()/".contains(character) {
                return nil
            }
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        guard international, (8...15).contains(digits.count), digits.first != "0" else { return nil }
        e164 = "+" + digits
    }

    public var description: String { e164 }
}
