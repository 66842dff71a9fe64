import Foundation
import RegularsCore
import RegularsLoyalty

/// The action rewards form on `/loyalty` (posted to `/loyalty/actions`): for every `LoyaltyAction`, whether it earns
/// points and how many. A rewarded action keeps its stored frequency; a newly rewarded one gets the usual one (once
/// ever, once a year for the birthday, once per subject for reviews, surveys, follows and referred friends).
struct LoyaltyActionsForm: LoyaltyProgramForm, Equatable {
    var rows: [Row]
    var mistakes: [String] = []

    struct Row: Encodable, Sendable, Equatable {
        var action: String
        var label: String
        var enabled: Bool
        var points: String
    }

    init(program: LoyaltyProgram, currency: CurrencyCode, locale: SupportedLocale) {
        rows = LoyaltyAction.allCases.map { action in
            let rule = program.earning.rule(for: action)
            return Row(
                action: action.rawValue, label: Self.label(action, locale), enabled: rule != nil,
                points: rule.map { String($0.points) } ?? "")
        }
    }

    init(fields: LoyaltyFormFields, currency: CurrencyCode, locale: SupportedLocale) {
        rows = LoyaltyAction.allCases.map { action in
            Row(
                action: action.rawValue, label: Self.label(action, locale),
                enabled: fields.isOn("action_\(action.rawValue)_enabled"),
                points: fields.text("action_\(action.rawValue)_points"))
        }
    }

    static func label(_ action: LoyaltyAction, _ locale: SupportedLocale) -> String {
        Catalogue.shared.text("loyalty_action_" + action.rawValue, locale)
    }

    /// The frequency a newly rewarded action gets.
    static func usualFrequency(of action: LoyaltyAction) -> ActionFrequency {
        switch action {
        case .accountCreated, .firstOrder, .newsletterSignup: .onceEver
        case .birthday: .oncePerYear
        case .productReview, .npsAnswered, .socialFollow, .referral: .oncePerSubject
        }
    }

    func program(applying current: LoyaltyProgram) throws(LoyaltyFormRejection) -> LoyaltyProgram {
        var mistakes: [String] = []
        var rules: [ActionRule] = []
        for (action, row) in zip(LoyaltyAction.allCases, rows) where row.enabled {
            guard let points = Int64(row.points) else {
                mistakes.append("\(action.rawValue) needs a whole number of points")
                continue
            }
            let frequency = current.earning.rule(for: action)?.frequency ?? Self.usualFrequency(of: action)
            rules.append(ActionRule(action: action, points: points, frequency: frequency))
        }
        guard mistakes.isEmpty else { throw LoyaltyFormRejection(mistakes: mistakes) }
        var program = current
        program.earning.actions = rules
        guard program.problems.isEmpty else { throw LoyaltyFormRejection(mistakes: program.problems) }
        return program
    }
}
