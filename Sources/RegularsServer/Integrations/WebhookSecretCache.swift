import Synchronization

/// Stored webhook secrets as recently read, so a burst of deliveries does not read `settings` once each. Entries live
/// `lifetime` (a rotation on another instance shows within that); a rotation on this instance replaces the entry at
/// once, and a read that started before it cannot put the old value back (each key carries a generation).
final class WebhookSecretCache: Sendable {
    struct Entry: Sendable {
        var value: String?
        var readAt: ContinuousClock.Instant
    }

    struct State: Sendable {
        var entries: [String: Entry] = [:]
        var generations: [String: Int] = [:]
    }

    let lifetime: Duration
    private let state = Mutex(State())

    init(lifetime: Duration = .seconds(2)) {
        self.lifetime = lifetime
    }

    /// The fresh cached value (`.some(nil)`: known to be unset), or `nil` with the generation to pass to `store`.
    func lookup(_ key: String) -> (hit: String??, generation: Int) {
        state.withLock { state in
            let generation = state.generations[key] ?? 0
            guard let entry = state.entries[key], ContinuousClock.now - entry.readAt < lifetime else {
                return (nil, generation)
            }
            return (.some(entry.value), generation)
        }
    }

    /// Keeps what was read from the database, unless the key was replaced since `generation` was looked up.
    func store(_ value: String?, for key: String, readAt generation: Int) {
        state.withLock { state in
            guard (state.generations[key] ?? 0) == generation else { return }
            state.entries[key] = Entry(value: value, readAt: .now)
        }
    }

    /// A value this instance just wrote: visible to the next request, whatever reads are in flight.
    func replace(_ value: String?, for key: String) {
        state.withLock { state in
            state.generations[key, default: 0] += 1
            state.entries[key] = Entry(value: value, readAt: .now)
        }
    }
}
