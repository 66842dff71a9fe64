import Metrics
import Prometheus

/// The process-wide Prometheus registry behind swift-metrics: Vapor's own request counters and latency timers (by
/// route pattern) and Regulars' metrics all land here, and `GET /metrics` prints it.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
