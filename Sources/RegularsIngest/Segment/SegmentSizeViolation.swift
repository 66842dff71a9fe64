/// A body or message over Segment's documented size limits.
public enum SegmentSizeViolation: Sendable, Equatable, Hashable {
    /// A `/v1/batch` body over ``SegmentSizeLimit/maximumBatchBytes``.
    case batchTooLarge(bytes: Int, limit: Int)
    /// One message (a single-call body, or `batch[index]`) over ``SegmentSizeLimit/maximumMessageBytes``.
    case messageTooLarge(bytes: Int, limit: Int, index: Int?)

    /// The error to answer with (HTTP 413).
    public var error: IngestError {
        switch self {
        case .batchTooLarge(let bytes, let limit):
            IngestError(.tooLarge, field: "batch", reason: "batch of \(bytes) bytes exceeds the \(limit)-byte limit")
        case .messageTooLarge(let bytes, let limit, let index):
            IngestError(
                .tooLarge, field: index.map { "batch[\($0)]" } ?? "",
                reason: "message of \(bytes) bytes exceeds the \(limit)-byte limit")
        }
    }
}
