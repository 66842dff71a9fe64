import Foundation
import Vapor

/// Runs `LoyaltyMaintenance` every minute while the server runs, so pending points unlock, lots expire and
/// birthdays are rewarded within a minute of their instant. Several instances may run it at once: every step is
/// keyed and every account locked while it is written.
struct LoyaltyClock: LifecycleHandler {
    static let interval: Duration = .seconds(60)

    private let task = TaskBox()

    func didBootAsync(_ application: Application) async throws {
        let services = application.regulars
        let logger = application.logger
        task.set(
            Task {
                while !Task.isCancelled {
                    do {
                        let report = try await LoyaltyMaintenance(
                            database: services.database, store: services.configuration.store
                        ).run(at: Instant.now.date)
                        if report.accounts > 0 || report.birthdays > 0 {
                            logger.info(
                                "loyalty maintenance",
                                metadata: ["accounts": "\(report.accounts)", "birthdays": "\(report.birthdays)"])
                        }
                    } catch {
                        logger.report(error: error)
                    }
                    try? await Task.sleep(for: Self.interval)
                }
            })
    }

    func shutdownAsync(_ application: Application) async { task.cancel() }
}
