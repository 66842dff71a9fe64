/// Admits one write transaction at a time, first come first served.
///
/// SQLite allows one writer per file; without this, writers of the same process would wait for each other inside
/// SQLite's busy handler, each holding a blocking-I/O thread, and could starve the very writer they wait for.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func leave() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
