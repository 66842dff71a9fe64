import Foundation
import RegularsCore
import Synchronization
import Vapor

/// Refreshes analytics every night at 03:00 in the store's time zone while the server runs. With several instances
/// each one tries, and the run guard lets exactly one of them refresh.
struct NightlyAnalytics: LifecycleHandler {
    static let localHour = 3

    private let task = TaskBox()

    func didBootAsync(_ application: Application) async throws {
        let services = application.regulars
        let logger = application.logger
        task.set(
            Task {
                while !Task.isCancelled {
                    let next = Self.nextRun(after: Date(), timeZone: services.configuration.store.timeZone)
                    try? await Task.sleep(for: .seconds(max(1, next.timeIntervalSinceNow)))
                    guard !Task.isCancelled else { return }
                    do {
                        _ = try await services.analyticsRefresher(logger: logger).refresh(triggeredBy: "nightly")
                    } catch AnalyticsRefresher.RefreshError.alreadyRunning {
                        logger.info("nightly analytics refresh skipped: another instance is refreshing")
                    } catch {
                        logger.report(error: error)
                    }
                }
            })
    }

    func shutdownAsync(_ application: Application) async { task.cancel() }

    /// The next 03:00 local time strictly after `date` (the first instant of that hour on a DST change day).
    static func nextRun(after date: Date, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = LocalDate(date, in: timeZone)
        for offset in 0...2 {
            let day = calendar.date(byAdding: .day, value: offset, to: today.startOfDay(in: timeZone)) ?? date
            let candidate = calendar.date(bySettingHour: localHour, minute: 0, second: 0, of: day) ?? day
            if candidate > date { return candidate }
        }
        return date.addingTimeInterval(86_400)
    }
}

/// Holds the nightly task so shutdown can cancel it.
final class TaskBox: Sendable {
    private let state = Mutex<Task<Void, Never>?>(nil)

    func set(_ task: Task<Void, Never>) { state.withLock { $0 = task } }
    func cancel() { state.withLock { $0?.cancel() } }
}
