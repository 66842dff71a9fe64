import RegularsCore

/// What a rule set would have cost over a history of orders.
public struct DryRunReport: Hashable, Sendable {
    public let orders: Int
    public let customers: Int
    /// Net revenue: order totals less refunds, cancelled orders excluded.
    public let revenue: Money
    /// Points the orders (and first-order bonuses) earned before refunds.
    public let pointsIssued: Int64
    /// Points refunds and cancellations took back (same proportional rule as the ledger).
    public let pointsReversed: Int64
    /// ⌊(issued − reversed) × redemption rate⌋; 0 without a rate.
    public let pointsRedeemed: Int64
    /// issued − reversed − redeemed.
    public let pointsOutstanding: Int64
    /// Value of the redeemed points (cost already incurred in the simulation).
    public let redeemedValue: Money
    /// Value of the outstanding points (liability if every one were redeemed).
    public let outstandingLiability: Money
    /// redeemedValue + outstandingLiability: the most the programme can cost.
    public let totalCost: Money
    /// totalCost / revenue, rounded down to the basis point; `nil` when revenue is 0.
    public let costShareOfRevenue: Percentage?
}
