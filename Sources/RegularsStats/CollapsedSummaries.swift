/// Customer summaries with identical (x, tₓ, T) rows merged into one weighted row — the form in which the models are
/// fitted (Fader & Hardie condense the individual RFM data into all observed combinations the same way).
///
/// Collapsing is exact: a row of weight w contributes w times its log-likelihood. With daily transaction data the
/// number of distinct rows grows far more slowly than the number of customers, which makes fitting a million
/// customers fast. Rows are validated on the way in; a customer with x = 0 has tₓ taken as 0.
public struct CollapsedSummaries: Sendable {
    /// Distinct rows.
    public private(set) var frequency: [Double]
    public private(set) var recency: [Double]
    public private(set) var age: [Double]
    public private(set) var weight: [Double]
    /// For input row i, the index of the collapsed row it was merged into.
    public private(set) var rowOfInput: [Int32]
    /// Sum of all weights (the number of customers when unweighted).
    public private(set) var totalWeight: Double

    // Distinct values of x, tₓ and T, and each row's index into them (used to share work across rows).
    private(set) var frequencyValues: [Double]
    private(set) var frequencyIndex: [Int32]
    private(set) var recencyValues: [Double]
    private(set) var recencyIndex: [Int32]
    private(set) var ageValues: [Double]
    private(set) var ageIndex: [Int32]

    /// Number of distinct rows.
    public var rowCount: Int { frequency.count }

    public init(_ summaries: CustomerSummaries, collapsing: Bool = true) throws(CLVModelError) {
        try self.init(
            frequency: summaries.frequency, recency: summaries.recency, age: summaries.age, weights: nil,
            collapsing: collapsing)
    }

    /// - Parameter weights: number of customers each row stands for (default 1 each).
    public init(
        frequency: [Double], recency: [Double], age: [Double], weights: [Double]? = nil, collapsing: Bool = true
    ) throws(CLVModelError) {
        let n = frequency.count
        guard recency.count == n, age.count == n, weights == nil || weights!.count == n else {
            throw .mismatchedLengths
        }
        var builder = CollapsedSummariesBuilder(collapsing: collapsing, expectedInputs: n)
        for i in 0..<n {
            try builder.add(frequency: frequency[i], recency: recency[i], age: age[i], weight: weights?[i] ?? 1)
        }
        self = try builder.build()
    }

    init(
        frequency: [Double], recency: [Double], age: [Double], weight: [Double], rowOfInput: [Int32],
        totalWeight: Double
    ) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.weight = weight
        self.rowOfInput = rowOfInput
        self.totalWeight = totalWeight
        (frequencyValues, frequencyIndex) = Self.distinct(frequency)
        (recencyValues, recencyIndex) = Self.distinct(recency)
        (ageValues, ageIndex) = Self.distinct(age)
    }

    /// Total weight of rows with x > 0.
    var repeatWeight: Double {
        var sum = 0.0
        for i in 0..<frequency.count where frequency[i] > 0 { sum += weight[i] }
        return sum
    }

    var maxAge: Double { ageValues.max() ?? 0 }

    private static func distinct(_ values: [Double]) -> ([Double], [Int32]) {
        var lookup: [UInt64: Int32] = [:]
        var distinctValues: [Double] = []
        var index = [Int32](repeating: 0, count: values.count)
        for (i, value) in values.enumerated() {
            if let existing = lookup[value.bitPattern] {
                index[i] = existing
            } else {
                let new = Int32(distinctValues.count)
                lookup[value.bitPattern] = new
                distinctValues.append(value)
                index[i] = new
            }
        }
        return (distinctValues, index)
    }
}
