/// Why a `/loyalty` form was not saved: every mistake, in words, to list next to the form.
struct LoyaltyFormRejection: Error, Sendable, Equatable {
    var mistakes: [String]
}
