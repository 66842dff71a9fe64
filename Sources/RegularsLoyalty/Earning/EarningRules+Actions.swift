import Foundation
import RegularsCore

extension EarningRules {
    /// The idempotency key that makes `event` earn at most once per its rule's period:
    /// `action:<action>` (once ever), `action:<action>:YYYY`, `:YYYY-MM`, `:YYYY-MM-DD` (local to the store),
    /// `action:<action>:<subject>` (once per subject), `birthday:YYYY` (the shopper's local year) and
    /// `referral:advocate:<friend>`.
    public func key(for event: ActionEvent, rule: ActionRule) throws(ActionRefusal) -> IdempotencyKey {
        let name = event.action.rawValue
        switch event.action {
        case .birthday:
            guard let birthday = event.birthday, let zone = event.customerTimeZone else { throw .missingBirthday }
            let today = LocalDate(event.at, in: zone)
            let celebration = birthday.celebration(in: today.year)
            guard today == celebration else { throw .notBirthday(today: today, celebration: celebration) }
            return BirthdayReward.key(forYear: today.year)
        case .referral:
            guard let friend = event.subject, !friend.isEmpty else { throw .missingSubject(.referral) }
            return .referralAdvocate(friend: friend)
        default:
            break
        }
        let today = LocalDate(event.at, in: timeZone.timeZone)
        switch rule.frequency {
        case .onceEver:
            return IdempotencyKey("action:\(name)")
        case .oncePerYear:
            return IdempotencyKey("action:\(name):\(today.year)")
        case .oncePerMonth:
            return IdempotencyKey("action:\(name):\(YearMonth(today))")
        case .oncePerDay:
            return IdempotencyKey("action:\(name):\(today)")
        case .oncePerSubject:
            guard let subject = event.subject, !subject.isEmpty else { throw .missingSubject(event.action) }
            return IdempotencyKey("action:\(name):\(subject)")
        }
    }
}
