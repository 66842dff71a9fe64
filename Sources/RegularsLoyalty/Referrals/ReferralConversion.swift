import Foundation

/// A referred friend's qualifying first order: the moment both sides earn their reward.
public struct ReferralConversion: Hashable, Sendable {
    public var advocateCustomerID: String
    public var friendCustomerID: String
    public var friendOrder: LoyaltyOrder
    public var at: Date

    public init(advocateCustomerID: String, friendCustomerID: String, friendOrder: LoyaltyOrder, at: Date) {
        self.advocateCustomerID = advocateCustomerID
        self.friendCustomerID = friendCustomerID
        self.friendOrder = friendOrder
        self.at = at
    }
}
