import Foundation
import RegularsCore
import RegularsLoyalty

/// The shopper's history line for a ledger entry, in their language, from the catalogue's `history_*` templates.
/// It follows the reference wording of `LedgerEntry.historyText(in:)`, including the stated rule when a refund took
/// back points that had already been spent.
struct LoyaltyHistoryText: Sendable {
    let locale: SupportedLocale
    let timeZone: TimeZone
    /// Order numbers (`#1001`) by the ledger's order id, for display.
    let orderNumbers: [String: String]

    func text(for entry: LedgerEntry) -> String {
        let catalogue = Catalogue.shared
        func template(_ key: String, _ values: [String: String]) -> String {
            values.reduce(catalogue.text(key, locale)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
        }
        func day(_ instant: Date?) -> String { instant.map { LocalDate($0, in: timeZone).description } ?? "?" }
        let signed = entry.points > 0 ? "+\(entry.points)" : "\(entry.points)"
        let order = entry.orderID.map { orderNumbers[$0] ?? $0 } ?? ""
        var parts: [String]
        switch entry.explanation {
        case .orderPoints:
            parts = [template("history_order", ["points": signed, "order": order])]
        case .action(let action, _):
            let name = catalogue.text("action_\(action.rawValue)", locale)
            parts = [template("history_action", ["points": signed, "action": name])]
        case .birthday:
            parts = [template("history_birthday", ["points": signed])]
        case .referralAdvocate:
            parts = [template("history_referral_advocate", ["points": signed])]
        case .referralFriend:
            parts = [template("history_referral_friend", ["points": signed])]
        case .released:
            parts = [template("history_released", ["count": "\(entry.grossPoints)", "order": order])]
        case .redemption(let reward):
            parts = [template("history_redemption", ["points": signed, "reward": reward ?? ""])]
        case .expiry(let earnedAt, let expiredAt):
            parts = [
                template(
                    "history_expiry",
                    ["points": signed, "earned": day(earnedAt), "until": day(expiredAt.addingTimeInterval(-1))])
            ]
        case .refund(_, _, let refunded, _, let isCancellation):
            let amount = "\(refunded.decimalString) \(refunded.currency.code)"
            let shortfall = entry.shortfall?.points ?? 0
            let fromLots = -entry.points - (entry.shortfall?.treatment == .negativeBalance ? shortfall : 0)
            let count = entry.status == .void ? -entry.points : fromLots + shortfall
            let key =
                (isCancellation ? "history_cancel" : "history_refund") + (entry.status == .void ? "_void" : "")
            parts = [template(key, ["amount": amount, "order": order, "count": "\(count)"])]
            if let treatment = entry.shortfall?.treatment, shortfall > 0 {
                let rule = treatment == .negativeBalance ? "history_shortfall_negative" : "history_shortfall_debt"
                parts.append(template(rule, ["count": "\(shortfall)"]))
            }
        case .manualAdjustment:
            let key = entry.points >= 0 ? "history_adjust_added" : "history_adjust_removed"
            parts = [template(key, ["points": signed, "reason": entry.reason ?? ""])]
        }
        if entry.status == .pending { parts.append(template("history_pending_until", ["date": day(entry.unlocksAt)])) }
        if entry.settledDebt > 0 {
            parts.append(template("history_settled_debt", ["count": "\(entry.settledDebt)"]))
        }
        return parts.joined(separator: catalogue.text("history_separator", locale))
    }
}
