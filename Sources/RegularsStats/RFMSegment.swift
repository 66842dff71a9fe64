/// Named RFM segments, from the recency score R and the combined frequency–monetary score
/// FM = ⌈(F + M) / 2⌉ (both 1–5), on the common R × FM grid:
///
/// | R \ FM | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | New | Potential loyalists | Potential loyalists | Champions | Champions |
/// | 4 | Promising | Potential loyalists | Potential loyalists | Champions | Champions |
/// | 3 | About to sleep | About to sleep | Need attention | Loyal | Loyal |
/// | 2 | Lost | Hibernating | At risk | At risk | At risk |
/// | 1 | Lost | Lost | At risk | Can't lose them | Can't lose them |
public enum RFMSegment: String, Sendable, Hashable, Codable, CaseIterable {
    case champions = "Champions"
    case loyal = "Loyal"
    case potentialLoyalists = "Potential loyalists"
    case new = "New"
    case promising = "Promising"
    case needAttention = "Need attention"
    case aboutToSleep = "About to sleep"
    case atRisk = "At risk"
    case cannotLoseThem = "Can't lose them"
    case hibernating = "Hibernating"
    case lost = "Lost"

    /// The segment of a recency score and a combined frequency–monetary score (each clamped to 1…5).
    public init(recencyScore: Int, frequencyMonetaryScore: Int) {
        let r = min(5, max(1, recencyScore))
        let fm = min(5, max(1, frequencyMonetaryScore))
        let grid: [[RFMSegment]] = [
            [.lost, .lost, .atRisk, .cannotLoseThem, .cannotLoseThem],
            [.lost, .hibernating, .atRisk, .atRisk, .atRisk],
            [.aboutToSleep, .aboutToSleep, .needAttention, .loyal, .loyal],
            [.promising, .potentialLoyalists, .potentialLoyalists, .champions, .champions],
            [.new, .potentialLoyalists, .potentialLoyalists, .champions, .champions],
        ]
        self = grid[r - 1][fm - 1]
    }

    /// FM = ⌈(F + M) / 2⌉: the mean of the frequency and monetary scores, halves rounded up.
    public static func frequencyMonetaryScore(frequency: Int, monetary: Int) -> Int {
        (frequency + monetary + 1) / 2
    }
}
