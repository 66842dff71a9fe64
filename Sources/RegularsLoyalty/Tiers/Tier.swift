/// A named VIP tier: members whose qualifying value reaches `threshold` belong to it.
public struct Tier: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Minor units of spend or points earned, per the programme's metric; the first tier's is 0.
    public var threshold: Int64
    public var benefits: TierBenefits

    public init(id: String, name: String, threshold: Int64, benefits: TierBenefits = TierBenefits()) {
        self.id = id
        self.name = name
        self.threshold = threshold
        self.benefits = benefits
    }
}
