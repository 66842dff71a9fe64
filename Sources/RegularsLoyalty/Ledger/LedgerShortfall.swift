/// The part of a reversal that no lot could cover because the order's points were already spent.
public struct LedgerShortfall: Hashable, Sendable, Codable {
    /// Points not taken from any lot; positive.
    public let points: Int64
    /// `negativeBalance`: they are included in the entry's points and drive the balance below zero.
    /// `debtFromFutureEarnings`: they are not in the entry's points; they are owed and withheld from later credits.
    public let treatment: ShortfallPolicy

    public init(points: Int64, treatment: ShortfallPolicy) {
        self.points = points
        self.treatment = treatment
    }
}
