/// The size limits Segment applies to its tracking API, applied to the uncompressed body.
public enum SegmentSizeLimit: Sendable {
    /// 32 KB per message (event).
    public static let maximumMessageBytes = 32 * 1024
    /// 500 KB per `/v1/batch` body.
    public static let maximumBatchBytes = 500 * 1024

    /// Classifies a body by its size: a batch body over 500 KB, or a single-call body (`/v1/track`, `/v1/t`…)
    /// over 32 KB; `nil` when within limits. Usable on `Content-Length` before reading the body.
    public static func classify(bodyByteCount: Int, isBatch: Bool) -> SegmentSizeViolation? {
        if isBatch {
            guard bodyByteCount > maximumBatchBytes else { return nil }
            return .batchTooLarge(bytes: bodyByteCount, limit: maximumBatchBytes)
        }
        guard bodyByteCount > maximumMessageBytes else { return nil }
        return .messageTooLarge(bytes: bodyByteCount, limit: maximumMessageBytes, index: nil)
    }

    /// Classifies one message of a batch by its size (measured as its compact JSON text).
    public static func classify(messageByteCount: Int, index: Int) -> SegmentSizeViolation? {
        guard messageByteCount > maximumMessageBytes else { return nil }
        return .messageTooLarge(bytes: messageByteCount, limit: maximumMessageBytes, index: index)
    }
}
