import Foundation
import RegularsCore
import RegularsLoyalty
import Vapor

/// "Apply these rules to the last 12 months of orders": what they would have issued, taken back, redeemed and left
/// outstanding, and what that costs in the base currency.
struct LoyaltyDryRunView: Content, Equatable {
    var from: String
    var to: String
    var orders: Int
    var customers: Int
    var revenue: MoneyDTO
    var pointsIssued: Int64
    var pointsReversed: Int64
    var pointsRedeemed: Int64
    var pointsOutstanding: Int64
    var redeemedValue: MoneyDTO
    var outstandingLiability: MoneyDTO
    var totalCost: MoneyDTO
    /// Total cost as a share of net revenue, in basis points.
    var costShareBasisPoints: Int64?

    static func run(
        program: LoyaltyProgram, redemptionRate: Percentage?, database: Database, at now: Date
    ) async throws -> LoyaltyDryRunView {
        let zone = program.earning.timeZone.timeZone
        let since = LocalDate(now, in: zone).adding(days: -365).startOfDay(in: zone)
        let facts = try await database.read { sql in try await LoyaltyOrderFacts.loadAll(placedSince: since, on: sql) }
        let currency = program.earning.currency
        let history = facts.map {
            HistoricalOrder(
                customerID: "\($0.customerID ?? 0)", order: $0.loyaltyOrder(currency: currency),
                refunded: $0.refundedMinor, isCancelled: $0.isCancelled)
        }
        let report: DryRunReport
        do {
            report = try LoyaltyDryRun.run(
                orders: history, rules: program.earning, redemptionRate: redemptionRate,
                redemptionValue: program.redemptionValue)
        } catch {
            throw Problem(status: .unprocessableEntity, title: "Dry run failed", detail: "\(error)")
        }
        func money(_ value: Money) -> MoneyDTO { MoneyDTO(minorUnits: value.minorUnits, currency: value.currency.code) }
        return LoyaltyDryRunView(
            from: Instant(since).iso8601, to: Instant(now).iso8601, orders: report.orders, customers: report.customers,
            revenue: money(report.revenue), pointsIssued: report.pointsIssued, pointsReversed: report.pointsReversed,
            pointsRedeemed: report.pointsRedeemed, pointsOutstanding: report.pointsOutstanding,
            redeemedValue: money(report.redeemedValue), outstandingLiability: money(report.outstandingLiability),
            totalCost: money(report.totalCost), costShareBasisPoints: report.costShareOfRevenue?.basisPoints)
    }
}
