/// Points a debit takes from one lot.
public struct LotDraw: Hashable, Sendable, Codable {
    /// The lot: the sequence number of the entry that created it.
    public let lot: Int64
    /// Points taken, always positive.
    public let points: Int64

    public init(lot: Int64, points: Int64) {
        self.lot = lot
        self.points = points
    }
}
