import Foundation
import RegularsCore
import Synchronization

/// Recently verified API keys, by digest, for at most `lifetime`: a busy client's every request then skips the key
/// lookup. Revoking or rotating a key in this process clears it at once; a key revoked by another instance or by
/// `regulars keys revoke` stops working here within `lifetime`.
final class APIKeyCache: Sendable {
    static let lifetime: Duration = .seconds(1)
    static let capacity = 10_000

    private let entries = Mutex<[String: (scope: APIKeyScope, at: ContinuousClock.Instant)]>([:])

    func scope(forDigest digest: String) -> APIKeyScope? {
        entries.withLock { entries in
            guard let entry = entries[digest], ContinuousClock.now - entry.at < Self.lifetime else { return nil }
            return entry.scope
        }
    }

    func remember(_ scope: APIKeyScope, forDigest digest: String) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[digest] = (scope, ContinuousClock.now)
        }
    }

    func clear() { entries.withLock { $0.removeAll() } }
}
