/// What `regulars bench ingest` measured.
public struct IngestBenchmarkResult: Sendable {
    public var backend: String
    public var events: Int
    public var batchSize: Int
    public var clients: Int
    public var ingestSeconds: Double
    public var batchLatencyP50Milliseconds: Double
    public var batchLatencyP99Milliseconds: Double
    public var rawSeconds: Double

    public var ingestEventsPerSecond: Double { Double(events) / ingestSeconds }
    public var rawEventsPerSecond: Double { Double(events) / rawSeconds }
    public var ratio: Double { ingestEventsPerSecond / rawEventsPerSecond }
}
