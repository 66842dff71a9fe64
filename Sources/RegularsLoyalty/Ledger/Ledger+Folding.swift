import Foundation

extension Ledger {
    /// Folds one entry into the derived state, noting (not trapping on) anything that breaks an invariant.
    mutating func apply(_ entry: LedgerEntry) {
        let index = entries.count
        let expected = nextSequence
        if entry.sequence != expected { foldViolations.append(.sequenceGap(expected: expected, found: entry.sequence)) }
        entries.append(entry)
        recordKey(of: entry, at: index)
        if entry.status == .available { balance += entry.points }
        switch entry.status {
        case .pending: applyPending(entry)
        case .void: applyVoid(entry)
        case .available:
            if entry.createsLot {
                applyCredit(entry)
            } else if entry.isDebit {
                applyDebit(entry)
            } else {
                malformed(entry, "an available \(entry.kind.rawValue) entry with \(entry.points) points")
            }
        }
    }

    private mutating func recordKey(of entry: LedgerEntry, at index: Int) {
        if let run = keyRuns[entry.key] {
            if run.upperBound == index - 1, entries[index - 1].part + 1 == entry.part {
                keyRuns[entry.key] = run.lowerBound...index
            } else {
                foldViolations.append(.duplicateOperation(key: entry.key, sequence: entry.sequence))
            }
        } else {
            if entry.part != 0 { malformed(entry, "operation \(entry.key) does not start with part 0") }
            keyRuns[entry.key] = index...index
        }
    }

    private mutating func malformed(_ entry: LedgerEntry, _ problem: String) {
        foldViolations.append(.malformedEntry(sequence: entry.sequence, problem: problem))
    }

    private mutating func applyPending(_ entry: LedgerEntry) {
        guard entry.kind == .earn || entry.kind == .referral else {
            return malformed(entry, "only earn and referral entries can be pending")
        }
        guard entry.points > 0, let unlocksAt = entry.unlocksAt else {
            return malformed(entry, "a pending entry needs positive points and an unlock instant")
        }
        if !entry.draws.isEmpty || entry.references != nil || entry.settledDebt != 0 || entry.settledOverdraft != 0 {
            malformed(entry, "a pending entry neither draws, refers nor settles")
        }
        pendingIndex[entry.sequence] = pendingEntries.count
        pendingEntries.append(
            PendingPoints(
                id: entry.sequence, kind: entry.kind, orderID: entry.orderID, points: entry.points,
                outstanding: entry.points, unlocksAt: unlocksAt, expiresAt: entry.expiresAt))
        linkToOrder(entry, points: entry.points, lot: nil)
    }

    private mutating func applyVoid(_ entry: LedgerEntry) {
        guard entry.kind == .reverse, entry.points <= 0, entry.draws.isEmpty, let target = entry.references else {
            return malformed(entry, "a void entry is a reverse of a pending entry with no draws and points ≤ 0")
        }
        guard let position = pendingIndex[target] else {
            return foldViolations.append(.unknownPending(sequence: entry.sequence, pending: target))
        }
        pendingEntries[position].outstanding += entry.points
        if pendingEntries[position].outstanding < 0 {
            foldViolations.append(.pendingBelowZero(pending: target, outstanding: pendingEntries[position].outstanding))
        }
        recordTaken(by: entry, target: target, taken: -entry.points, shortfall: 0)
    }

    private mutating func applyCredit(_ entry: LedgerEntry) {
        if !entry.draws.isEmpty || entry.shortfall != nil || entry.unlocksAt != nil {
            malformed(entry, "a credit neither draws nor has a shortfall or unlock instant")
        }
        if entry.points < 0 || entry.settledDebt < 0 || entry.settledOverdraft < 0
            || entry.settledOverdraft > entry.points
        {
            malformed(entry, "a credit's points and settlements must be non-negative, settlement within its points")
        }
        if entry.kind == .adjust, !Self.isPresent(entry.actor) || !Self.isPresent(entry.reason) {
            malformed(entry, "a manual adjustment needs an admin and a reason")
        }
        overdraft -= entry.settledOverdraft
        debt -= entry.settledDebt
        if overdraft < 0 || debt < 0 { foldViolations.append(.overRepaid(sequence: entry.sequence)) }
        lotIndex[entry.sequence] = lots.count
        lots.append(Lot(entry: entry))
        if let target = entry.references {
            guard entry.kind != .adjust, let position = pendingIndex[target] else {
                return foldViolations.append(.unknownPending(sequence: entry.sequence, pending: target))
            }
            pendingEntries[position].outstanding -= entry.grossPoints
            if pendingEntries[position].outstanding < 0 {
                foldViolations.append(
                    .pendingBelowZero(pending: target, outstanding: pendingEntries[position].outstanding))
            }
            if entry.createdAt < pendingEntries[position].unlocksAt {
                foldViolations.append(.releasedEarly(sequence: entry.sequence, pending: target))
            }
            links[target]?.lot = entry.sequence
        } else if entry.kind != .adjust {
            linkToOrder(entry, points: entry.grossPoints, lot: entry.sequence)
        }
    }

    private mutating func applyDebit(_ entry: LedgerEntry) {
        if entry.points > 0 || (entry.points == 0 && entry.kind != .reverse) {
            malformed(entry, "a \(entry.kind.rawValue) entry takes points away")
        }
        if entry.settledDebt != 0 || entry.settledOverdraft != 0 || entry.unlocksAt != nil {
            malformed(entry, "a debit neither settles nor unlocks")
        }
        if entry.kind == .adjust, !Self.isPresent(entry.actor) || !Self.isPresent(entry.reason) {
            malformed(entry, "a manual adjustment needs an admin and a reason")
        }
        if entry.kind == .expire, entry.draws.count != 1 { malformed(entry, "an expiry empties exactly one lot") }
        var drawn: Int64 = 0
        for draw in entry.draws {
            drawn += draw.points
            applyDraw(draw, of: entry)
        }
        let unallocated = -entry.points - drawn
        switch entry.shortfall {
        case .some(let shortfall) where entry.kind == .reverse && shortfall.points > 0:
            switch shortfall.treatment {
            case .negativeBalance:
                if unallocated != shortfall.points {
                    malformed(entry, "the negative balance must be what no lot covers")
                }
                overdraft += max(0, unallocated)
            case .debtFromFutureEarnings:
                if unallocated != 0 { malformed(entry, "under the debt policy every point taken comes from a lot") }
                debt += shortfall.points
            }
        case .some:
            malformed(entry, "only a reversal has a shortfall, and it is positive")
        case .none:
            if unallocated != 0 { malformed(entry, "draws of \(drawn) do not cover \(-entry.points) points") }
        }
        if entry.kind == .reverse {
            guard let target = entry.references else {
                return malformed(entry, "a reversal refers to the credit it takes back")
            }
            let owed = entry.shortfall?.treatment == .debtFromFutureEarnings ? entry.shortfall?.points ?? 0 : 0
            recordTaken(by: entry, target: target, taken: -entry.points + owed, shortfall: entry.shortfall?.points ?? 0)
        }
    }

    private mutating func applyDraw(_ draw: LotDraw, of entry: LedgerEntry) {
        guard draw.points > 0 else { return malformed(entry, "a draw takes a positive number of points") }
        guard let position = lotIndex[draw.lot], draw.lot < entry.sequence else {
            return foldViolations.append(.unknownLot(sequence: entry.sequence, lot: draw.lot))
        }
        let lot = lots[position]
        switch entry.kind {
        case .expire:
            if !lot.isExpired(at: entry.createdAt) {
                foldViolations.append(.expiredEarly(sequence: entry.sequence, lot: draw.lot))
            }
            lots[position].expired += draw.points
        case .redeem, .adjust:
            if lot.isExpired(at: entry.createdAt) {
                foldViolations.append(.drawFromExpiredLot(sequence: entry.sequence, lot: draw.lot))
            }
            if entry.kind == .redeem {
                lots[position].redeemed += draw.points
            } else {
                lots[position].adjustedAway += draw.points
            }
        default:
            lots[position].reversed += draw.points
        }
        lots[position].remaining -= draw.points
        if lots[position].remaining < 0 {
            foldViolations.append(.lotBelowZero(lot: draw.lot, remaining: lots[position].remaining))
        }
    }

    private mutating func linkToOrder(_ entry: LedgerEntry, points: Int64, lot: Int64?) {
        guard let orderID = entry.orderID else { return }
        links[entry.sequence] = OrderLink(
            credit: entry.sequence, orderID: orderID, orderValue: entry.orderValue, points: points, lot: lot)
        orderCredits[orderID, default: []].append(entry.sequence)
    }

    private mutating func recordTaken(by entry: LedgerEntry, target: Int64, taken: Int64, shortfall: Int64) {
        guard var link = links[target], link.orderID == entry.orderID else {
            return foldViolations.append(.unknownReversalTarget(sequence: entry.sequence, target: target))
        }
        link.taken += taken
        link.shortfall += shortfall
        link.refundedTotal = max(link.refundedTotal, entry.refundedTotal ?? 0)
        if link.taken > link.points {
            foldViolations.append(.reversedMoreThanEarned(credit: target, taken: link.taken, earned: link.points))
        }
        links[target] = link
    }

    static func isPresent(_ text: String?) -> Bool {
        guard let text else { return false }
        return !text.allSatisfy(\.isWhitespace)
    }
}
