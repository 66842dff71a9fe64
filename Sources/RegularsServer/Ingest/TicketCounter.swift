import Synchronization

/// Hands out 0, 1, 2, … to concurrent tasks, each number once (the benchmark's work queue).
final class TicketCounter: Sendable {
    private let next = Mutex(0)

    func take() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
