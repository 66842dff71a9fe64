import Foundation

/// The validation context of one ingestion call: the current time and the tolerances applied.
public struct IngestOptions: Sendable, Equatable {
    /// The instant "now" used for the future-date check (pass the request's receive time).
    public var now: Date
    /// How far past `now` a timestamp may lie before it is rejected as ``IngestErrorKind/futureDate``
    /// (senders' clocks drift, and time zones get mislabelled). Default 24 hours.
    public var futureTolerance: Duration
    /// Whether order totals that do not add up are rejected (``IngestErrorKind/totalsMismatch``).
    public var enforceTotals: Bool
    /// Minor units of rounding allowed per order line when checking totals (at least one line is assumed):
    /// per-line taxes and discount allocations are each rounded to the minor unit by the sender.
    public var totalsTolerancePerLine: Int64

    public init(
        now: Date, futureTolerance: Duration = .seconds(24 * 3600), enforceTotals: Bool = true,
        totalsTolerancePerLine: Int64 = 1
    ) {
        self.now = now
        self.futureTolerance = futureTolerance
        self.enforceTotals = enforceTotals
        self.totalsTolerancePerLine = totalsTolerancePerLine
    }

    /// The latest acceptable timestamp: `now + futureTolerance`.
    public var latestAcceptableDate: Date {
        let parts = futureTolerance.components
        return now.addingTimeInterval(TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18)
    }

    /// The totals tolerance, in minor units, for an order of `lineCount` lines.
    public func totalsTolerance(lineCount: Int) -> Int64 {
        totalsTolerancePerLine * Int64(max(1, lineCount))
    }
}
