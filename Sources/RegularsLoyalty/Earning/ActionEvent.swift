import Foundation
import RegularsCore

/// An action a shopper took, as it reaches the earning rules.
public struct ActionEvent: Hashable, Sendable {
    public var action: LoyaltyAction
    public var at: Date
    /// What the action was about, for once-per-subject rules: the product reviewed, the survey answered, the network
    /// followed, the friend referred.
    public var subject: String?
    /// Order-bound actions (first order): the order, its value and when it was placed. The points then follow the
    /// order: pending for the return window, taken back by its refunds.
    public var orderID: String?
    public var orderValue: Money?
    public var orderPlacedAt: Date?
    /// Birthday: the shopper's birthday and time zone.
    public var birthday: Birthday?
    public var customerTimeZone: TimeZone?

    public init(
        action: LoyaltyAction, at: Date, subject: String? = nil, orderID: String? = nil, orderValue: Money? = nil,
        orderPlacedAt: Date? = nil, birthday: Birthday? = nil, customerTimeZone: TimeZone? = nil
    ) {
        self.action = action
        self.at = at
        self.subject = subject
        self.orderID = orderID
        self.orderValue = orderValue
        self.orderPlacedAt = orderPlacedAt
        self.birthday = birthday
        self.customerTimeZone = customerTimeZone
    }

    public static func firstOrder(_ order: LoyaltyOrder, at: Date) -> ActionEvent {
        ActionEvent(
            action: .firstOrder, at: at, orderID: order.orderID, orderValue: order.total, orderPlacedAt: order.placedAt)
    }

    public static func birthday(_ birthday: Birthday, customerTimeZone: TimeZone, at: Date) -> ActionEvent {
        ActionEvent(action: .birthday, at: at, birthday: birthday, customerTimeZone: customerTimeZone)
    }
}
