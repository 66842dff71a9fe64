/// A proleptic Gregorian calendar date.
struct DemoCivilDate: Sendable, Equatable {
    var year: Int64
    var month: Int
    var day: Int
}
