import Foundation

extension TierProgram {
    /// The customer's tier at `now`, continuing from `current` (`nil`: a new customer in the first tier), given
    /// all their qualifying activity. Everything between `current.evaluatedAt` and `now` is replayed in time order,
    /// so evaluating late, or in several steps, gives the same result and the same timeline as evaluating at every
    /// instant:
    ///
    /// - upgrade at once when the current window's value reaches a higher threshold (at the activity's instant);
    /// - at each review (period end, `nextReviewAt`) the value of the period that ended is compared with the tier's
    ///   threshold; met → the tier is kept until the next review;
    /// - not met → after `gracePeriodDays` the customer moves to the higher of the tiers earned by the ended period
    ///   and by the current window at that moment; if that is still their tier (they requalified during the grace
    ///   period) they keep it until the next review.
    public func evaluate(activity: [TierActivity], current: TierStatus?, at now: Date) -> TierEvaluation {
        let sorted = activity.sorted { $0.at < $1.at }
        var status =
            current
            ?? TierStatus(
                tierID: tiers.first?.id ?? "", since: .distantPast, nextReviewAt: nil, evaluatedAt: .distantPast)
        var index = tiers.firstIndex { $0.id == status.tierID } ?? 0
        var changes: [TierChange] = []
        var cursor = status.evaluatedAt
        var pending: PendingDowngrade?
        while true {
            pending = nil
            let upgrade = nextUpgrade(in: sorted, after: cursor, through: now, above: index)
            var review: (at: Date, confirms: Bool)?
            if let reviewAt = status.nextReviewAt, reviewAt <= now {
                let periodIndex = tierIndex(forValue: periodValue(of: sorted, endingAt: reviewAt))
                if periodIndex >= index {
                    review = (reviewAt, true)
                } else {
                    let graceEnd = timeZone.calendar.adding(days: max(0, gracePeriodDays), to: reviewAt)
                    if graceEnd <= now {
                        review = (graceEnd, false)
                    } else {
                        let target = max(periodIndex, tierIndex(forValue: qualifyingValue(of: sorted, at: now)))
                        if target < index {
                            pending = PendingDowngrade(at: graceEnd, to: tiers[target].id, reviewedAt: reviewAt)
                        }
                    }
                }
            }
            if let review, review.at <= (upgrade?.at ?? .distantFuture), let reviewAt = status.nextReviewAt {
                cursor = max(cursor, review.at)
                if review.confirms {
                    status.nextReviewAt = nextReview(after: reviewAt)
                    continue
                }
                let periodValue = periodValue(of: sorted, endingAt: reviewAt)
                let nowValue = qualifyingValue(of: sorted, at: review.at)
                let target = max(tierIndex(forValue: periodValue), tierIndex(forValue: nowValue))
                if target >= index {
                    status.nextReviewAt = nextReview(after: review.at)
                    continue
                }
                changes.append(
                    TierChange(
                        at: review.at, from: tiers[index].id, to: tiers[target].id, direction: .downgrade,
                        qualifyingValue: max(periodValue, nowValue)))
                index = target
                status = TierStatus(
                    tierID: tiers[index].id, since: review.at,
                    nextReviewAt: index == 0 ? nil : nextReview(after: review.at), evaluatedAt: review.at)
            } else if let upgrade {
                cursor = max(cursor, upgrade.at)
                changes.append(
                    TierChange(
                        at: upgrade.at, from: tiers[index].id, to: tiers[upgrade.index].id, direction: .upgrade,
                        qualifyingValue: upgrade.value))
                index = upgrade.index
                status = TierStatus(
                    tierID: tiers[index].id, since: upgrade.at, nextReviewAt: nextReview(after: upgrade.at),
                    evaluatedAt: upgrade.at)
            } else {
                break
            }
        }
        status.evaluatedAt = max(status.evaluatedAt, now)
        return TierEvaluation(
            status: status, tier: tiers[index], changes: changes,
            qualifyingValue: qualifyingValue(of: sorted, at: now), pendingDowngrade: pending)
    }

    /// The first instant in (`after`, `through`] — an activity's, or `through` itself — at which the current
    /// window's value earns a tier above `index`.
    private func nextUpgrade(in activity: [TierActivity], after start: Date, through end: Date, above index: Int)
        -> (at: Date, index: Int, value: Int64)?
    {
        var instants = activity.map(\.at).filter { $0 > start && $0 <= end }
        if end > start { instants.append(end) }
        for instant in instants {
            let value = qualifyingValue(of: activity, at: instant)
            let earned = tierIndex(forValue: value)
            if earned > index { return (instant, earned, value) }
        }
        return nil
    }
}
