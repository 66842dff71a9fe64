import Foundation
import Synchronization

/// The loyalty settings as this process last read them, for at most `lifetime`: balance reads and redemptions then
/// skip decoding the programme on every request. A save in this process clears it at once; other instances see a
/// change within `lifetime`.
final class LoyaltySettingsCache: Sendable {
    static let lifetime: Duration = .seconds(1)

    private let state = Mutex<(at: ContinuousClock.Instant, settings: LoyaltySettings)?>(nil)

    func settings(load: () async throws -> LoyaltySettings) async throws -> LoyaltySettings {
        if let cached = state.withLock({ $0 }), ContinuousClock.now - cached.at < Self.lifetime {
            return cached.settings
        }
        let settings = try await load()
        state.withLock { $0 = (ContinuousClock.now, settings) }
        return settings
    }

    func invalidate() { state.withLock { $0 = nil } }
}
