/// One customer's summary from their transactions (days ascending), with the literature's conventions: purchases on
/// one day are one transaction; days after the calibration end are ignored; times in weeks.
struct CustomerDaySummary {
    var firstDay: Int32
    var frequency: Double
    var recency: Double
    var age: Double
    /// Mean value of the repeat transaction days, in minor units (0 when there are none).
    var repeatMeanMinor: Double

    /// `nil` when the customer's first purchase is after `end`.
    init?(days: UnsafeBufferPointer<Int32>, amounts: UnsafeBufferPointer<Int64>, end: Int32) {
        guard let first = days.first, first <= end else { return nil }
        var lastDay = first
        var repeats = 0
        var repeatTotal: Int64 = 0
        for i in 1..<days.count {
            let day = days[i]
            if day > end { break }
            if day == first { continue }
            repeatTotal &+= amounts[i]
            if day != lastDay {
                repeats += 1
                lastDay = day
            }
        }
        firstDay = first
        frequency = Double(repeats)
        recency = Double(lastDay - first) / 7
        age = Double(end - first) / 7
        repeatMeanMinor = repeats > 0 ? Double(repeatTotal) / Double(repeats) : 0
    }
}
