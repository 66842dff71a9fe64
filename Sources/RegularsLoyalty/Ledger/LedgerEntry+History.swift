import Foundation
import RegularsCore

extension LedgerEntry {
    /// One line for the shopper's points history, in English, with dates in `timeZone` (the shopper's or the
    /// store's). The server localises from `explanation` and the entry's fields; this is the reference wording.
    public func historyText(in timeZone: TimeZone) -> String {
        func day(_ instant: Date?) -> String { instant.map { LocalDate($0, in: timeZone).description } ?? "?" }
        func count(_ points: Int64) -> String { "\(points) point\(points.magnitude == 1 ? "" : "s")" }
        let signed = points > 0 ? "+\(count(points))" : count(points).replacingOccurrences(of: "-", with: "−")
        var text: String
        switch explanation {
        case .orderPoints(let orderID):
            text = "\(signed) for order \(orderID)"
        case .action(let action, let subject):
            text = "\(signed) for \(Self.phrase(for: action))" + (subject.map { " (\($0))" } ?? "")
        case .birthday:
            text = "\(signed): happy birthday!"
        case .referralAdvocate:
            text = "\(signed) for referring a friend"
        case .referralFriend:
            text = "\(signed): welcome gift for joining through a friend's referral"
        case .released:
            text =
                "\(count(grossPoints)) from \(orderID.map { "order \($0)" } ?? "an earlier reward") are now available"
        case .redemption(let reward):
            text = "\(signed) redeemed" + (reward.map { " for \($0)" } ?? "")
        case .expiry(let earnedAt, let expiredAt):
            text = "\(signed) expired: earned on \(day(earnedAt)), valid until \(day(expiredAt.addingTimeInterval(-1)))"
        case .refund(let orderID, _, let refunded, _, let isCancellation):
            let cause =
                isCancellation
                ? "Order \(orderID) was cancelled"
                : "Refund of \(refunded.decimalString) \(refunded.currency) on order \(orderID)"
            text = refundText(cause: cause, count: count)
        case .manualAdjustment:
            text = "\(signed) \(points >= 0 ? "added" : "removed") by the store: \(reason ?? "")"
        }
        if status == .pending { text += ", pending until \(day(unlocksAt)) (the return window)" }
        if settledDebt > 0 {
            text += "; \(count(settledDebt)) of them repaid points owed from an earlier refund"
        }
        if settledOverdraft > 0 {
            text += "; \(count(settledOverdraft)) of them brought your balance back up to zero"
        }
        return text + "."
    }

    private func refundText(cause: String, count: (Int64) -> String) -> String {
        if status == .void {
            return points == 0
                ? "\(cause): no pending points to cancel"
                : "\(cause) before its points became available: \(count(-points)) pending cancelled"
        }
        let shortfallPoints = shortfall?.points ?? 0
        let fromLots = -points - (shortfall?.treatment == .negativeBalance ? shortfallPoints : 0)
        let total = fromLots + shortfallPoints
        guard total > 0 else { return "\(cause): no points to take back" }
        var text = "\(cause): \(count(total)) taken back"
        if let shortfall {
            switch shortfall.treatment {
            case .negativeBalance:
                text +=
                    "; \(count(shortfall.points)) of them had already been spent, so your balance went below zero"
                    + " until you earn them again"
            case .debtFromFutureEarnings:
                text += "; \(count(shortfall.points)) of them had already been spent and will be deducted from the"
                text += " next points you earn"
            }
        }
        return text
    }

    static func phrase(for action: LoyaltyAction) -> String {
        switch action {
        case .accountCreated: "creating your account"
        case .firstOrder: "your first order"
        case .birthday: "your birthday"
        case .productReview: "reviewing a product"
        case .npsAnswered: "answering our survey"
        case .newsletterSignup: "signing up to the newsletter"
        case .socialFollow: "following us"
        case .referral: "referring a friend"
        }
    }
}
