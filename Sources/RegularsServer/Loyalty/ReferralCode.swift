/// Short codes shoppers can read aloud and type: referral codes and discount codes.
enum ReferralCode {
    /// Crockford's base 32: no I, L, O or U, so codes are not misread and spell no words.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A random referral code of 8 characters (40 bits).
    static func make() -> String { random(count: 8) }

    /// `count` characters drawn uniformly from the system's secure random generator.
    static func random(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}
