/// A customer's recency, frequency and monetary scores (1–5, 5 best) and segment.
public struct RFMScore: Sendable, Hashable, Codable {
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    public init(recency: Int, frequency: Int, monetary: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// ⌈(F + M) / 2⌉.
    public var frequencyMonetary: Int {
        RFMSegment.frequencyMonetaryScore(frequency: frequency, monetary: monetary)
    }

    public var segment: RFMSegment {
        RFMSegment(recencyScore: recency, frequencyMonetaryScore: frequencyMonetary)
    }
}
