import Foundation
import RegularsCore
import RegularsLoyalty

/// The referral rules form on `/loyalty` (posted to `/loyalty/referral-rules`): whether referrals run, the advocate's
/// points (the `referral` action rule; 0 or empty: none), the friend's points, the friend's minimum first order (base
/// currency, major units, exact), the fraud verdicts, the per-advocate cap and the affiliate commission (each
/// optional: empty turns it off).
struct LoyaltyReferralRulesForm: LoyaltyProgramForm, Equatable {
    var enabled: Bool
    var advocatePoints: String
    var friendPoints: String
    var minimumOrder: String
    var emailOrPhoneMatch: String
    var addressMatch: String
    var capMaximum: String
    var capPeriod: String
    var capVerdict: String
    var commissionRate: String
    var commissionMonths: String
    var currency: String
    var mistakes: [String] = []

    private let baseCurrency: CurrencyCode

    init(program: LoyaltyProgram, currency: CurrencyCode, locale: SupportedLocale) {
        let referrals = program.referrals
        let fraud = referrals?.fraud ?? ReferralFraudRules()
        enabled = referrals != nil
        advocatePoints = program.earning.rule(for: .referral).map { String($0.points) } ?? ""
        friendPoints = String(referrals?.friendPoints ?? 0)
        minimumOrder = referrals?.minimumOrderValue?.decimalString ?? ""
        emailOrPhoneMatch = fraud.emailOrPhoneMatch.rawValue
        addressMatch = fraud.addressMatch.rawValue
        capMaximum = fraud.cap.map { String($0.maximum) } ?? ""
        capPeriod = (fraud.cap?.period ?? .calendarMonth).rawValue
        capVerdict = (fraud.cap?.verdict ?? .holdForReview).rawValue
        commissionRate = referrals?.commission?.rate.description ?? ""
        commissionMonths = referrals?.commission.map { String($0.months) } ?? "12"
        self.currency = currency.code
        baseCurrency = currency
    }

    init(fields: LoyaltyFormFields, currency: CurrencyCode, locale: SupportedLocale) {
        enabled = fields.isOn("enabled")
        advocatePoints = fields.text("advocate_points")
        friendPoints = fields.text("friend_points")
        minimumOrder = fields.text("minimum_order")
        emailOrPhoneMatch = fields.text("email_or_phone_match")
        addressMatch = fields.text("address_match")
        capMaximum = fields.text("cap_maximum")
        capPeriod = fields.text("cap_period")
        capVerdict = fields.text("cap_verdict")
        commissionRate = fields.text("commission_rate")
        commissionMonths = fields.text("commission_months")
        self.currency = currency.code
        baseCurrency = currency
    }

    func program(applying current: LoyaltyProgram) throws(LoyaltyFormRejection) -> LoyaltyProgram {
        var program = current
        guard enabled else {
            program.referrals = nil
            return program
        }
        var mistakes: [String] = []
        let advocate = advocatePoints.isEmpty ? 0 : Int64(advocatePoints)
        if advocate.map({ $0 < 0 }) ?? true { mistakes.append("the advocate's points must be a whole number ≥ 0") }
        let friend = friendPoints.isEmpty ? 0 : Int64(friendPoints)
        if friend == nil { mistakes.append("the friend's points must be a whole number") }
        var minimum: Money?
        if !minimumOrder.isEmpty {
            minimum = try? Money.parse(minimumOrder, currency: baseCurrency)
            if minimum.map({ $0.minorUnits < 0 }) ?? true {
                mistakes.append("the minimum order must be an amount like 20.00")
            }
        }
        let emailOrPhone = ReferralVerdict(rawValue: emailOrPhoneMatch)
        let address = ReferralVerdict(rawValue: addressMatch)
        if emailOrPhone == nil || address == nil { mistakes.append("choose reject or hold for review for each match") }
        let timeZone = current.referrals?.fraud.timeZone ?? current.earning.timeZone
        var cap: ReferralCap?
        if !capMaximum.isEmpty {
            let maximum = Int(capMaximum)
            let period = ReferralCapPeriod(rawValue: capPeriod)
            let verdict = ReferralVerdict(rawValue: capVerdict)
            if maximum.map({ $0 < 1 }) ?? true { mistakes.append("the cap must be a whole number of referrals ≥ 1") }
            if period == nil || verdict == nil { mistakes.append("choose the cap's period and what happens beyond it") }
            if let maximum, let period, let verdict {
                cap = ReferralCap(maximum: maximum, period: period, verdict: verdict)
            }
        }
        var commission: AffiliateCommissionRule?
        if !commissionRate.isEmpty {
            let rate = Percentage(commissionRate)
            let months = Int(commissionMonths)
            if rate.map({ $0.basisPoints > Percentage.whole }) ?? true {
                mistakes.append("the commission must be a percentage from 0 to 100, like 7.5")
            }
            if months == nil { mistakes.append("the commission's months must be a whole number") }
            if let rate, let months {
                commission = AffiliateCommissionRule(
                    rate: rate, months: months, timeZone: current.referrals?.commission?.timeZone ?? timeZone)
            }
        }
        guard mistakes.isEmpty, let advocate, let friend, let emailOrPhone, let address else {
            throw LoyaltyFormRejection(mistakes: mistakes)
        }
        program.referrals = ReferralProgram(
            friendPoints: friend, minimumOrderValue: minimum,
            fraud: ReferralFraudRules(
                emailOrPhoneMatch: emailOrPhone, addressMatch: address, cap: cap, timeZone: timeZone),
            commission: commission)
        program.earning.actions.removeAll { $0.action == .referral }
        if advocate > 0 {
            program.earning.actions.append(ActionRule(action: .referral, points: advocate, frequency: .oncePerSubject))
        }
        guard program.problems.isEmpty else { throw LoyaltyFormRejection(mistakes: program.problems) }
        return program
    }
}
