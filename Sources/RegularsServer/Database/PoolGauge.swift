import Metrics
import Synchronization

/// Publishes how many pooled database connections are in use, as `regulars_db_connections_in_use`.
struct PoolGauge: Sendable {
    private let gauge: Gauge
    private let counter: Counter

    init(dialect: SQLDialectKind) {
        gauge = Gauge(label: "regulars_db_connections_in_use", dimensions: [("database", dialect.rawValue)])
        counter = Counter(label: "regulars_db_connections_acquired_total", dimensions: [("database", dialect.rawValue)])
        state = InUse()
    }

    private let state: InUse

    func acquired() {
        counter.increment()
        gauge.record(state.add(1))
    }

    func released() { gauge.record(state.add(-1)) }
}

private final class InUse: Sendable {
    private let count = Atomic<Int>(0)
    func add(_ delta: Int) -> Int { count.add(delta, ordering: .relaxed).newValue }
}
