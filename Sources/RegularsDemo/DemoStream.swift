/// Purposes of independent random streams; raw values are part of the output contract, never reorder them.
enum DemoStream: UInt64, Sendable {
    case catalog = 1
    case traits = 2
    case identity = 3
    case behavior = 4
    case attribution = 5
    case uniqueness = 6
}
