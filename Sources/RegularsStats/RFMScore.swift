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

extension RFMScore {
    /// The three scores as the digits of one number, r·100 + f·10 + m.
    public var code: Int { recency * 100 + frequency * 10 + monetary }

    /// Every score: recency, frequency and monetary each 1…5.
    public static let all: [RFMScore] = (1...5).flatMap { r in
        (1...5).flatMap { f in (1...5).map { m in RFMScore(recency: r, frequency: f, monetary: m) } }
    }
}

extension RFMSegment {
    /// The scores that fall in this segment.
    public var scores: [RFMScore] { RFMScore.all.filter { $0.segment == self } }
}
