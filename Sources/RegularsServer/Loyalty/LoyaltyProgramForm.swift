import RegularsCore
import RegularsLoyalty

/// A form on `/loyalty` that edits one part of the programme: it shows the programme's values (or what the merchant
/// posted, with the mistakes), and turns a post into the whole new programme — checked with `LoyaltyProgram.problems`,
/// the validation the JSON editor uses — or every mistake.
protocol LoyaltyProgramForm: Encodable, Sendable {
    /// The part of `program` this form edits, as the page shows it.
    init(program: LoyaltyProgram, currency: CurrencyCode, locale: SupportedLocale)
    /// What the merchant posted, as typed.
    init(fields: LoyaltyFormFields, currency: CurrencyCode, locale: SupportedLocale)
    /// `current` with this form's part replaced, or every mistake (nothing is half applied).
    func program(applying current: LoyaltyProgram) throws(LoyaltyFormRejection) -> LoyaltyProgram
    var mistakes: [String] { get set }
}
