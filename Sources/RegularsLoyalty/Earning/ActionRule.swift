/// Points for an action and how often they can be earned.
public struct ActionRule: Hashable, Sendable, Codable {
    public var action: LoyaltyAction
    public var points: Int64
    public var frequency: ActionFrequency

    public init(action: LoyaltyAction, points: Int64, frequency: ActionFrequency) {
        self.action = action
        self.points = points
        self.frequency = frequency
    }
}
