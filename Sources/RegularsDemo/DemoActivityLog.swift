/// Everything simulated for all customers before global ordering and numbering.
struct DemoActivityLog: Sendable {
    var orders: [DemoOrderDraft] = []
    var checkouts: [DemoCheckoutDraft] = []
    /// Browsing events in simulation order; `eventTimes` holds their times in Unix seconds for cheap sorting.
    var events: [DemoEvent] = []
    var eventTimes: [Int64] = []

    mutating func recordEvent(
        _ type: String, customerIndex: Int, at seconds: Int64, properties: [String: String], random: inout DemoRandom
    ) {
        events.append(
            DemoEvent(
                messageID: random.uuid(), type: type, customerIndex: customerIndex,
                occurredAt: DemoWindow.date(seconds), properties: properties))
        eventTimes.append(seconds)
    }
}
