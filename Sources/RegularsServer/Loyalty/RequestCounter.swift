import Synchronization

/// Hands out request numbers to the benchmark's clients.
final class RequestCounter: Sendable {
    private let next = Mutex(0)

    func take() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
