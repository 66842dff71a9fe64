/// What a write did: a duplicate or stale delivery is `unchanged`, so retries are harmless and visible as such.
enum WriteOutcome: Equatable, Sendable {
    case created(Int64)
    case updated(Int64)
    case unchanged(Int64)

    var id: Int64 {
        switch self {
        case .created(let id), .updated(let id), .unchanged(let id): id
        }
    }
}
