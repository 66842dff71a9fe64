extension TierActivity {
    /// The points-earned activity of a ledger: each credit of kind earn or referral counts its gross points when it
    /// becomes available (pending points do not count, so a purchase refunded inside its return window never lifts
    /// a tier); each reversal counts minus what it took back (including any shortfall). Redemptions, expiry and
    /// manual adjustments do not count: spending points never costs a tier.
    public static func pointsEarned(in ledger: Ledger) -> [TierActivity] {
        var activity: [TierActivity] = []
        for entry in ledger.entries where entry.status == .available {
            switch entry.kind {
            case .earn, .referral:
                if entry.grossPoints != 0 {
                    activity.append(TierActivity(at: entry.createdAt, amount: entry.grossPoints))
                }
            case .reverse:
                let owed = entry.shortfall?.treatment == .debtFromFutureEarnings ? entry.shortfall?.points ?? 0 : 0
                let taken = -entry.points + owed
                if taken != 0 { activity.append(TierActivity(at: entry.createdAt, amount: -taken)) }
            case .redeem, .expire, .adjust:
                break
            }
        }
        return activity
    }
}
