import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit

/// What the merchant's `/loyalty` page shows.
struct LoyaltyPageView: Encodable, Sendable {
    var enabled: Bool
    var launchedAt: String
    var pointsPerUnit: Int64
    var currency: String
    var returnWindowDays: Int
    var lifetimeDays: Int
    var shortfall: String
    var pointsPerUnitOfValue: Int64
    var codeWebhookURL: String
    var codeWebhookSecret: String
    var tiersForm: LoyaltyTiersForm
    var actionsForm: LoyaltyActionsForm
    var promotionsForm: LoyaltyPromotionsForm
    var referralForm: LoyaltyReferralRulesForm
    /// The whole programme — actions, promotions, tiers, referral and fraud rules — as editable JSON.
    var programJSON: String
    var problems: [String]
    var message: String?
    var rewards: [RewardRow]
    var liability: [LabelledValue]
    var liabilityMonths: [LabelledValue]
    var dryRun: [LabelledValue]?
    var funnel: [LabelledValue]
    var held: [HeldReferral]

    struct RewardRow: Encodable, Sendable {
        var name: String
        var kind: String
        var cost: Int64
        var issued: Int64
        var active: String
    }

    struct HeldReferral: Encodable, Sendable {
        var id: Int64
        var advocate: String
        var friend: String
        var reasons: String
    }

    static func load(
        settings: LoyaltySettings, dryRun: LoyaltyDryRunView?, message: String?, locale: SupportedLocale,
        services: RegularsServices
    ) async throws -> LoyaltyPageView {
        let text = { (key: String) in Catalogue.shared.text(key, locale) }
        let currency = services.configuration.store.baseCurrency
        let rewards = try await LoyaltyRewardStore(database: services.database, currency: currency).list()
        let liability = try await LoyaltyLiabilityView.compute(
            settings: settings, database: services.database, at: Date())
        let (funnel, held) = try await services.database.read { sql in
            (
                try await ReferralFunnel.load(advocateID: nil, on: sql),
                try await LoyaltyReferralView.list(status: "held", on: sql)
            )
        }
        let program = settings.program
        let unit = currency.minorUnitsPerMajor
        return LoyaltyPageView(
            enabled: settings.enabled, launchedAt: Instant(settings.launchedAt).iso8601,
            pointsPerUnit: program.earning.rate.points * unit / max(1, program.earning.rate.perMinorUnits),
            currency: currency.code, returnWindowDays: program.ledger.returnWindowDays,
            lifetimeDays: program.ledger.pointsLifetimeDays ?? 0, shortfall: program.ledger.shortfall.rawValue,
            pointsPerUnitOfValue: program.redemptionValue.points * unit / max(1, program.redemptionValue.minorUnits),
            codeWebhookURL: settings.codeWebhookURL ?? "", codeWebhookSecret: settings.codeWebhookSecret,
            tiersForm: LoyaltyTiersForm(program: program, currency: currency, locale: locale),
            actionsForm: LoyaltyActionsForm(program: program, currency: currency, locale: locale),
            promotionsForm: LoyaltyPromotionsForm(program: program, currency: currency, locale: locale),
            referralForm: LoyaltyReferralRulesForm(program: program, currency: currency, locale: locale),
            programJSON: LoyaltyProgramJSON.text(of: program),
            problems: settings.problems, message: message.map { _ in text("loyalty_saved") },
            rewards: rewards.map {
                RewardRow(
                    name: $0.name, kind: text("reward_kind_" + $0.kind), cost: $0.pointsCost, issued: $0.issued,
                    active: text($0.active ? "yes" : "no"))
            },
            liability: [
                LabelledValue(
                    label: text("liability_outstanding"),
                    value: "\(liability.outstanding.points) · \(liability.outstanding.value.displayText)"),
                LabelledValue(
                    label: text("liability_pending"),
                    value: "\(liability.pending.points) · \(liability.pending.value.displayText)"),
                LabelledValue(label: text("liability_accounts"), value: "\(liability.accounts)"),
            ],
            liabilityMonths: liability.byExpiryMonth.map {
                LabelledValue(label: $0.month ?? "", value: "\($0.points) · \($0.value.displayText)")
            },
            dryRun: dryRun.map { report in
                [
                    LabelledValue(label: text("dry_run_orders"), value: "\(report.orders) · \(report.customers)"),
                    LabelledValue(label: text("dry_run_revenue"), value: report.revenue.displayText),
                    LabelledValue(label: text("dry_run_issued"), value: "\(report.pointsIssued)"),
                    LabelledValue(label: text("dry_run_reversed"), value: "\(report.pointsReversed)"),
                    LabelledValue(
                        label: text("dry_run_redeemed"),
                        value: "\(report.pointsRedeemed) · \(report.redeemedValue.displayText)"),
                    LabelledValue(
                        label: text("dry_run_outstanding"),
                        value: "\(report.pointsOutstanding) · \(report.outstandingLiability.displayText)"),
                    LabelledValue(
                        label: text("dry_run_cost"),
                        value: report.totalCost.displayText
                            + (report.costShareBasisPoints.map {
                                " · " + Percentage(basisPoints: $0).description + "%"
                            } ?? "")),
                ]
            },
            funnel: [
                LabelledValue(label: text("funnel_shared"), value: "\(funnel.shared)"),
                LabelledValue(label: text("funnel_visits"), value: "\(funnel.visits)"),
                LabelledValue(label: text("funnel_sign_ups"), value: "\(funnel.signUps)"),
                LabelledValue(label: text("funnel_first_orders"), value: "\(funnel.firstOrders)"),
                LabelledValue(label: text("funnel_rewarded"), value: "\(funnel.rewarded)"),
                LabelledValue(label: text("funnel_held"), value: "\(funnel.held)"),
            ],
            held: held.map {
                HeldReferral(
                    id: $0.id, advocate: "/customers/\($0.advocateId)", friend: "/customers/\($0.friendId)",
                    reasons: $0.reasons.joined(separator: "; "))
            })
    }
}
