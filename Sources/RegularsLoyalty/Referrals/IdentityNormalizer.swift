import Foundation
import RegularsCore

/// Normal forms of emails, phone numbers and addresses, so that trivially different spellings of one identity
/// compare equal in the referral checks.
public enum IdentityNormalizer: Sendable {
    /// Trimmed and lower-cased, without a `+tag` in the local part; for Gmail (gmail.com, googlemail.com) also without
    /// dots in the local part and with the domain gmail.com. `nil` when it is not a plausible address.
    public static func email(_ text: String) -> String? {
        guard let address = EmailAddress(text) else { return nil }
        let parts = address.value.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        var local = parts[0]
        var domain = parts[1]
        if let plus = local.firstIndex(of: "+") { local = String(local[..<plus]) }
        if domain == "googlemail.com" { domain = "gmail.com" }
        if domain == "gmail.com" { local.removeAll { $0 == "." } }
        guard !local.isEmpty else { return nil }
        return local + "@" + domain
    }

    /// E.164 when the number is international ("+44 20 7946 0958", "0044…"), otherwise its digits when there are at
    /// least 7 (a national number compares with the same national number); `nil` otherwise.
    public static func phone(_ text: String) -> String? {
        if let number = PhoneNumber(text) { return number.e164 }
        let digits = text.filter { $0.isASCII && $0.isNumber }
        return digits.count >= 7 ? digits : nil
    }

    /// Country, postal code and street in one comparable string: case and accents folded, punctuation dropped,
    /// common words abbreviated (Street → st, Apartment → apt, …), spaces collapsed. The city is left out: the postal
    /// code already places the address and cities are spelt in many ways.
    public static func address(_ address: PostalAddress) -> String? {
        let street = words(address.line1 + " " + (address.line2 ?? ""))
        let postal = words(address.postalCode).joined()
        let country = address.country.trimmingCharacters(in: .whitespaces).lowercased()
        guard !street.isEmpty, !postal.isEmpty else { return nil }
        return "\(country)|\(postal)|\(street.joined(separator: " "))"
    }

    private static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var cleaned = ""
        for character in folded {
            cleaned.append(character.isLetter || character.isNumber ? character : " ")
        }
        return cleaned.split(separator: " ").map { abbreviations[String($0)] ?? String($0) }
    }

    private static let abbreviations: [String: String] = [
        "street": "st", "avenue": "ave", "road": "rd", "boulevard": "blvd", "drive": "dr", "lane": "ln",
        "court": "ct", "place": "pl", "square": "sq", "highway": "hwy", "apartment": "apt", "suite": "ste",
        "floor": "fl", "building": "bldg", "unit": "apt", "flat": "apt", "north": "n", "south": "s", "east": "e",
        "west": "w",
    ]
}
