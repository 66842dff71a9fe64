import RegularsStats
import SQLKit

extension AnalyticsRefresher {
    /// Predicted vs actual repeat purchases in the last weeks of the store's history (`HoldoutCheck`), or `nil` when
    /// the history is shorter than four weeks. Transactions are those of the models: days with an order that is not
    /// cancelled (UTC days); amounts play no part. Reads the order days of at most `HoldoutCheck.maximumCustomers`
    /// customers, by index, 5,000 customers packed into one text value (`id:day,day;id:day;…`): decoding a row per
    /// customer cost more than the database's reads.
    func holdoutCheck(_ rows: [AggregateRow], now: Instant) async throws -> HoldoutCheck? {
        let day: Int64 = 86_400_000
        let today = EpochDay(rawValue: Int32(now.milliseconds / day))
        guard let firstDay = rows.map({ $0.firstOrderAt / day }).min() else { return nil }
        let weeks = HoldoutCheck.holdoutWeeks(historyDays: Int(Int64(today.rawValue) - firstDay))
        guard weeks >= 1 else { return nil }
        let calibrationEnd = today.adding(days: -7 * weeks)
        let eligible = rows.filter { $0.firstOrderAt / day <= Int64(calibrationEnd.rawValue) }.map(\.id)
        guard !eligible.isEmpty else { return nil }
        let stride = (eligible.count + HoldoutCheck.maximumCustomers - 1) / HoldoutCheck.maximumCustomers
        let sample = Swift.stride(from: 0, to: eligible.count, by: max(1, stride)).map { eligible[$0] }
        var builder = TransactionLogBuilder()
        var start = 0
        while start < sample.count {
            let ids = Array(sample[start..<min(sample.count, start + 5_000)])
            let packed = try await database.read { sql in
                let (days, customers) =
                    sql.dialect.name == "sqlite"
                    ? ("group_concat(o.placed_at / 86400000, ',')", "group_concat(customer_id || ':' || days, ';')")
                    : (
                        "string_agg(CAST(o.placed_at / 86400000 AS TEXT), ',')",
                        "string_agg(customer_id || ':' || days, ';')"
                    )
                return try await sql.raw(
                    """
                    SELECT \(unsafeRaw: customers) AS packed FROM (
                        SELECT o.customer_id, \(unsafeRaw: days) AS days
                        FROM orders o
                        WHERE o.customer_id IN (\(unsafeRaw: ids.map(String.init).joined(separator: ", ")))
                            AND o.cancelled_at IS NULL AND o.placed_at < \(bind: (Int64(today.rawValue) + 1) * day)
                        GROUP BY o.customer_id) AS customer_days
                    """
                ).first(decodingColumn: "packed", as: String?.self) ?? nil
            }
            for customer in (packed ?? "").split(separator: ";") {
                guard let colon = customer.firstIndex(of: ":"), let id = Int64(customer[..<colon]) else { continue }
                for text in customer[customer.index(after: colon)...].split(separator: ",") {
                    guard let value = Int32(text) else { continue }
                    builder.append(customerID: id, day: EpochDay(rawValue: value), amountMinor: 0)
                }
            }
            start += 5_000
        }
        let log = builder.build()
        let calibration = CustomerSummaries(log: log, calibrationEnd: calibrationEnd)
        let holdout = HoldoutSummary(log: log, calibrationEnd: calibrationEnd, holdoutEnd: today)
        let model = try BGNBDModel.fit(try CollapsedSummaries(calibration))
        let comparison = try HoldoutComparison(model: model, calibration: calibration, holdout: holdout)
        return HoldoutCheck(
            calibrationEnd: calibrationEnd.description, holdoutEnd: today.description, customers: calibration.count,
            eligibleCustomers: eligible.count, weeks: comparison.weeks,
            predictedCumulative: comparison.predictedCumulative, actualCumulative: comparison.actualCumulative,
            parameters: model.parameters)
    }
}
