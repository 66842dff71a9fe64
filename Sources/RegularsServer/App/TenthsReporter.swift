import Synchronization

/// Says when a long job has done another tenth of its work, so progress is printed about ten times.
final class TenthsReporter: Sendable {
    private let reported = Mutex(0)

    func due(_ done: Int, of total: Int) -> Bool {
        let tenth = done * 10 / max(1, total)
        return reported.withLock { reported in
            guard tenth > reported || done == total else { return false }
            reported = tenth
            return true
        }
    }
}
