import Foundation

/// RFM scoring by quintiles.
public enum RFMAnalysis: Sendable {
    /// Scores every customer with at least one counted order placed up to `asOf`, sorted by customer id.
    ///
    /// Recency is scored on days since the last order (fewer is better), frequency on the number of counted orders
    /// and monetary on total net revenue (more is better), each with `quintileScores`.
    public static func analyze(orders: [OrderRecord], asOf: Date) -> [RFMCustomer] {
        var last: [Int64: Date] = [:]
        var count: [Int64: Int] = [:]
        var revenue: [Int64: Int64] = [:]
        for order in orders where order.counts && order.placedAt <= asOf {
            if let known = last[order.customerID], known >= order.placedAt {
            } else {
                last[order.customerID] = order.placedAt
            }
            count[order.customerID, default: 0] += 1
            revenue[order.customerID, default: 0] += order.netAmountMinor
        }
        let ids = last.keys.sorted()
        let recencyDays = ids.map { Int((asOf.timeIntervalSince(last[$0]!) / 86_400).rounded(.down)) }
        let frequency = ids.map { count[$0]! }
        let monetary = ids.map { revenue[$0]! }
        let r = quintileScores(recencyDays.map { -$0 })
        let f = quintileScores(frequency)
        let m = quintileScores(monetary)
        return ids.indices.map {
            RFMCustomer(
                customerID: ids[$0], recencyDays: recencyDays[$0], orders: frequency[$0], monetaryMinor: monetary[$0],
                score: RFMScore(recency: r[$0], frequency: f[$0], monetary: m[$0]))
        }
    }

    /// Quintile scores 1–5 (higher values get higher scores), with ties kept together.
    ///
    /// Each value is placed at the middle of the percentile range its tie group occupies: with L customers having a
    /// strictly lower value and T (including itself) the same value, p = (L + T/2) / n, and the score is
    /// 1 + ⌊5p⌋ (at most 5). Tied values therefore always get the same score — that of the middle of their group —
    /// so a large tie (say, all the one-order customers) lands in the quintile that holds most of it instead of
    /// being split arbitrarily, and a population where everyone is equal scores 3. With n distinct values the
    /// scores are exact quintiles (n/5 customers each when 5 divides n).
    ///
    /// The score only grows with the value, so one pass over the sorted values finds the lowest value of each score,
    /// and each customer's score is then at most four comparisons — no per-customer sort of indices.
    @inlinable
    public static func quintileScores<Value: Comparable>(_ values: [Value]) -> [Int] {
        let n = values.count
        guard n > 0 else { return [] }
        let sorted = values.sorted()
        // lowest[s - 2] is the lowest value scoring at least s, for s = 2…5.
        var lowest: [Value] = []
        var start = 0
        while start < n {
            var end = start + 1
            while end < n, sorted[end] == sorted[start] { end += 1 }
            // 1 + ⌊5 (2L + T) / 2n⌋ in exact integer arithmetic.
            let score = min(5, 1 + 5 * (2 * start + end - start) / (2 * n))
            while lowest.count < score - 1 { lowest.append(sorted[start]) }
            start = end
        }
        return values.map { value in
            var score = 1
            for threshold in lowest where value >= threshold { score += 1 }
            return score
        }
    }
}
